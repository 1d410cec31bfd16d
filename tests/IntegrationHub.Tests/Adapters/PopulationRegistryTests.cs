using IntegrationHub.Adapters.Health;
using IntegrationHub.Adapters.Registries;
using IntegrationHub.Sandbox.Registries;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Tests.Adapters;

/// <summary>The population-database adapter against the simulated registry.</summary>
public sealed class PopulationRegistryTests : IDisposable
{
    private static readonly RegistryDataSet Data = new(citizens: 200, enterprises: 10);
    private const string Secret = "population-secret";
    private readonly RegistrySimulator _registry = RegistrySimulator.StartPopulation(Data, new RegistrySimulatorOptions { ClientSecret = Secret });
    private readonly ServiceProvider _services;

    public PopulationRegistryTests() => _services = Services(Secret);

    [Fact]
    public async Task A_citizen_whose_name_and_birth_date_match_is_found_with_the_registrys_record()
    {
        var citizen = Data.Citizens[5];

        var lookup = await Registry.VerifyAsync(Query(citizen.SoDinhDanh, citizen.HoVaTen, citizen.NgaySinh), CancellationToken.None);

        Assert.Equal(LookupStatus.Found, lookup.Status);
        Assert.Equal((citizen.HoVaTen, citizen.NgaySinh, citizen.GioiTinh == 2 ? Sex.Female : Sex.Male), (lookup.Citizen!.FullName, lookup.Citizen.BirthDate, lookup.Citizen.Sex));
        Assert.Equal(citizen.NoiThuongTru.ChiTiet, lookup.Citizen.PermanentAddress!.Detail);
        Assert.Equal(citizen.NoiOHienTai.MaTinh, lookup.Citizen.CurrentAddress!.ProvinceCode);
    }

    [Fact]
    public async Task A_known_number_with_another_name_is_not_matching_rather_than_not_found()
    {
        var citizen = Data.Citizens[6];

        var lookup = await Registry.VerifyAsync(Query(citizen.SoDinhDanh, "Tên Khác Hẳn", citizen.NgaySinh), CancellationToken.None);

        Assert.Equal(new CitizenLookup(LookupStatus.NotMatching, null), lookup);
    }

    [Fact]
    public async Task A_number_nobody_holds_is_not_found()
    {
        var lookup = await Registry.VerifyAsync(Query("002199999999", "Nguyễn Văn An", "1999"), CancellationToken.None);

        Assert.Equal(LookupStatus.NotFound, lookup.Status);
    }

    [Fact]
    public async Task A_token_the_platform_no_longer_accepts_is_renewed_and_the_lookup_goes_through()
    {
        var citizen = Data.Citizens[8];
        await Registry.VerifyAsync(Query(citizen.SoDinhDanh, citizen.HoVaTen, citizen.NgaySinh), CancellationToken.None);
        _registry.ExpireTokens();

        var lookup = await Registry.VerifyAsync(Query(citizen.SoDinhDanh, citizen.HoVaTen, citizen.NgaySinh), CancellationToken.None);

        Assert.Equal(LookupStatus.Found, lookup.Status);
        Assert.Equal(2, _registry.Lookups);
    }

    [Fact]
    public async Task A_registry_that_is_down_is_a_fault_the_caller_can_report_as_unavailable()
    {
        _registry.Faults.Down = true;

        var fault = await Assert.ThrowsAsync<RegistryFaultException>(() => Registry.VerifyAsync(Query(Data.Citizens[0].SoDinhDanh, "X", "2000"), CancellationToken.None));

        Assert.Equal("HTTP 500", fault.Message);
    }

    [Fact]
    public async Task The_probe_passes_with_good_credentials_and_fails_with_wrong_ones()
    {
        using var wrong = Services("not-the-secret");

        await _services.GetServices<IAdapterProbe>().Single().ProbeAsync(CancellationToken.None);
        var refused = await Assert.ThrowsAsync<AdapterProbeException>(() => wrong.GetServices<IAdapterProbe>().Single().ProbeAsync(CancellationToken.None));

        Assert.Equal("token refused: HTTP 401", refused.Message);
    }

    public void Dispose()
    {
        _services.Dispose();
        _registry.Dispose();
    }

    private IPopulationRegistry Registry => _services.GetRequiredService<IPopulationRegistry>();

    private static CitizenQuery Query(string number, string name, string born) => new(number, name, born, "justice-system", "1.000894");

    private ServiceProvider Services(string secret) => new ServiceCollection()
        .AddLogging()
        .AddMetrics()
        .AddPopulationRegistry(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Hub:Adapters:Population:BaseUrl"] = _registry.Url,
            ["Hub:Adapters:Population:ClientId"] = "sandbox",
            ["Hub:Adapters:Population:ClientSecret"] = secret,
            ["Hub:Adapters:Population:UnitCode"] = "000.00.00.H22",
            ["Hub:Adapters:Population:MaxRetries"] = "1",
            ["Hub:Adapters:Population:RetryDelay"] = "00:00:00.050",
        }).Build())
        .BuildServiceProvider();
}
