using IntegrationHub.Adapters.NationalPortal;
using IntegrationHub.Adapters.Registries;
using IntegrationHub.Sandbox.NationalPortal;
using IntegrationHub.Sandbox.Registries;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Tests.Adapters.Conformance;

public sealed class NationalPortalConformanceTests : AdapterConformanceTests<PortalSimulator>
{
    protected override string AdapterName => "national-portal";
    protected override string DisplayName => "DVCQG";
    protected override PortalSimulator StartSystem() => PortalSimulator.Start(new PortalSimulatorOptions { Password = "conformance-portal-password" });
    protected override IServiceCollection AddAdapter(IServiceCollection services, IConfiguration configuration) => services.AddNationalPortal(configuration);
}

public sealed class PopulationConformanceTests : AdapterConformanceTests<RegistrySimulator>
{
    private static readonly RegistryDataSet Data = new(citizens: 20, enterprises: 2);

    protected override string AdapterName => RegistriesServiceCollectionExtensions.Population;
    protected override string DisplayName => "CSDLQGDC";
    protected override RegistrySimulator StartSystem() => RegistrySimulator.StartPopulation(Data, new RegistrySimulatorOptions { ClientSecret = "conformance-registry-secret" });
    protected override IServiceCollection AddAdapter(IServiceCollection services, IConfiguration configuration) => services.AddRegistries(configuration);
    protected override IReadOnlyDictionary<string, string?> HubOwnSettings => RegistrySettings.Of(enterpriseUrl: "http://127.0.0.1:1");
}

public sealed class EnterpriseConformanceTests : AdapterConformanceTests<RegistrySimulator>
{
    private static readonly RegistryDataSet Data = new(citizens: 2, enterprises: 10);

    protected override string AdapterName => RegistriesServiceCollectionExtensions.Enterprise;
    protected override string DisplayName => "CSDLQGDN";
    protected override RegistrySimulator StartSystem() => RegistrySimulator.StartEnterprise(Data, new RegistrySimulatorOptions { ClientSecret = "conformance-registry-secret" });
    protected override IServiceCollection AddAdapter(IServiceCollection services, IConfiguration configuration) => services.AddRegistries(configuration);
    protected override IReadOnlyDictionary<string, string?> HubOwnSettings => RegistrySettings.Of(populationUrl: "http://127.0.0.1:1");
}

/// <summary>The registries are registered together: the one under test comes from its declaration, the other points nowhere.</summary>
internal static class RegistrySettings
{
    public static IReadOnlyDictionary<string, string?> Of(string? populationUrl = null, string? enterpriseUrl = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Hub:Adapters:Population:UnitCode"] = "000.00.00.H22",
            ["Hub:Adapters:Enterprise:UnitCode"] = "000.00.00.H22",
            ["Hub:Adapters:Population:C06:OfficerId"] = "002090000001",
        };
        foreach (var (section, url) in new[] { ("Population", populationUrl), ("Enterprise", enterpriseUrl) })
        {
            if (url is not null)
            {
                settings[$"Hub:Adapters:{section}:BaseUrl"] = url;
                settings[$"Hub:Adapters:{section}:ClientId"] = "unused";
                settings[$"Hub:Adapters:{section}:ClientSecret"] = "unused";
            }
        }
        if (populationUrl is not null)
        {
            settings["Hub:Adapters:Population:C06:Username"] = "unused";
            settings["Hub:Adapters:Population:C06:SecretKey"] = "unused";
        }
        return settings;
    }
}
