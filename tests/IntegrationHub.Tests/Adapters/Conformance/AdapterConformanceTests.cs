using IntegrationHub.Adapters.Health;
using IntegrationHub.Sandbox;
using IntegrationHub.Sandbox.Faults;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Tests.Adapters.Conformance;

/// <summary>
/// What every adapter must do, whatever it speaks to (as dotnet/aspire's ConformanceTests): started from its
/// simulator's own declaration of the hub's settings, it is registered under its name, its health probe finds the
/// system healthy, names the fault when the system is down, and fails when the system refuses the hub's secret.
/// Each adapter's suite derives from this and adds its own cases.
/// </summary>
public abstract class AdapterConformanceTests<TSystem> : IDisposable
    where TSystem : SimulatedSystem
{
    private static readonly SandboxHub Served = new("http://127.0.0.1:1", "conformance-report-secret");

    private ServiceProvider? _services;

    protected AdapterConformanceTests() => System = StartSystem();

    protected TSystem System { get; }

    /// <summary>The adapter's name: in health reports, metrics and the exchange log.</summary>
    protected abstract string AdapterName { get; }

    /// <summary>The system as operators see it in health reports.</summary>
    protected abstract string DisplayName { get; }

    protected abstract TSystem StartSystem();

    /// <summary>The adapter's own registration, as the hub calls it.</summary>
    protected abstract IServiceCollection AddAdapter(IServiceCollection services, IConfiguration configuration);

    /// <summary>Settings that are the hub's, not the system's (the province's unit code), and short time limits.</summary>
    protected virtual IReadOnlyDictionary<string, string?> HubOwnSettings => new Dictionary<string, string?>();

    protected IServiceProvider Services => _services ??= Compose(System.HubSettings(Served));

    [Fact]
    public void It_is_registered_under_its_name_with_its_system()
    {
        var probe = Probe(Services);

        Assert.Equal(DisplayName, probe.Provider);
    }

    [Fact]
    public async Task Its_probe_finds_the_system_its_simulator_declares_healthy()
    {
        await Probe(Services).ProbeAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Its_probe_names_the_fault_when_the_system_is_down()
    {
        System.Faults.Mode = FaultMode.Unavailable;
        System.Faults.Down = true;

        var refusal = await Assert.ThrowsAsync<AdapterProbeException>(() => Probe(Services).ProbeAsync(CancellationToken.None));

        Assert.Contains("503", refusal.Message);
    }

    [Fact]
    public async Task Its_probe_fails_when_the_system_refuses_the_hubs_secret()
    {
        var declared = System.HubSettings(Served).ToDictionary();
        var secrets = declared.Keys.Where(key => IntegrationHub.Hub.Security.SampleSecrets.SecretNameEndings.Any(e => key.EndsWith(e, StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.NotEmpty(secrets);
        foreach (var key in secrets)
        {
            declared[key] = "not-the-secret-" + declared[key];
        }
        using var services = Compose(declared);

        await Assert.ThrowsAsync<AdapterProbeException>(() => Probe(services).ProbeAsync(CancellationToken.None));
    }

    private IAdapterProbe Probe(IServiceProvider services) => services.GetServices<IAdapterProbe>().Single(p => p.Name == AdapterName);

    private ServiceProvider Compose(IReadOnlyDictionary<string, string?> declared)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(declared.Concat(HubOwnSettings)).Build();
        return AddAdapter(new ServiceCollection().AddLogging().AddMetrics().AddSingleton(TimeProvider.System), configuration).BuildServiceProvider();
    }

    public void Dispose()
    {
        _services?.Dispose();
        System.Dispose();
        GC.SuppressFinalize(this);
    }
}
