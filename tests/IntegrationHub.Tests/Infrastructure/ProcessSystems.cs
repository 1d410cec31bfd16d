using IntegrationHub.Sandbox.NationalPortal;
using IntegrationHub.Sandbox.Payments;
using IntegrationHub.Sandbox.Registries;

namespace IntegrationHub.Tests.Infrastructure;

/// <summary>The simulated national systems for a hub run as its own process (<see cref="HubProcess"/>), with the settings that point it at them.</summary>
public sealed class ProcessSystems : IDisposable
{
    public PortalSimulator Portal { get; } = PortalSimulator.Start(HubSettings.PortalOptions());
    public RegistrySimulator Population { get; } = RegistrySimulator.StartPopulation(HubSettings.Registries, HubSettings.RegistryOptions);
    public RegistrySimulator Enterprises { get; } = RegistrySimulator.StartEnterprise(HubSettings.Registries, HubSettings.RegistryOptions);
    // No hub HTTP endpoint is reachable for callbacks: these tests pay nothing.
    public VnpaySimulator Vnpay { get; } = VnpaySimulator.Start(HubSettings.VnpayOptions("http://127.0.0.1:1"));
    public PaymentPlatformSimulator Platform { get; } = PaymentPlatformSimulator.Start(HubSettings.PaymentPlatformOptions("http://127.0.0.1:1"));

    /// <summary>A hub's settings on a new database of its own.</summary>
    public async Task<Dictionary<string, string?>> SettingsAsync() =>
        HubSettings.For(await TestPostgres.CreateDatabaseAsync(), Portal, Population, Enterprises, Vnpay, Platform);

    public void Dispose()
    {
        Portal.Dispose();
        Population.Dispose();
        Enterprises.Dispose();
        Vnpay.Dispose();
        Platform.Dispose();
    }
}
