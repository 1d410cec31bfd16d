using System.Text.Json;
using IntegrationHub.Adapters.Health;
using IntegrationHub.Adapters.Http;
using IntegrationHub.Adapters.Registries.Wire;
using IntegrationHub.Adapters.Resilience;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Refit;

namespace IntegrationHub.Adapters.Registries;

public static class RegistriesServiceCollectionExtensions
{
    public const string Population = "population";
    public const string Enterprise = "enterprise";

    /// <summary>
    /// The population and enterprise adapters: options from <c>Hub:Adapters:Population</c> and
    /// <c>Hub:Adapters:Enterprise</c>, a Refit wire client and the adapters' pipeline each, and their probes.
    /// </summary>
    public static IServiceCollection AddRegistries(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRegistry<IPopulationApi, PopulationOptions>(configuration, Population, PopulationOptions.SectionName, "CSDLQGDC");
        services.AddTransient<IPopulationRegistry, PopulationClient>();
        services.AddRegistry<IEnterpriseApi, EnterpriseOptions>(configuration, Enterprise, EnterpriseOptions.SectionName, "CSDLQGDN");
        services.AddTransient<IEnterpriseRegistry, EnterpriseClient>();
        return services;
    }

    /// <param name="provider">Cơ sở dữ liệu quốc gia về dân cư (CSDLQGDC), về đăng ký doanh nghiệp (CSDLQGDN).</param>
    private static void AddRegistry<TApi, TOptions>(this IServiceCollection services, IConfiguration configuration, string name, string section, string provider)
        where TApi : class, IRegistryApi
        where TOptions : RegistryOptions
    {
        services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddAdapterActivity(name);
        services.AddKeyedSingleton(name, (container, _) => new CredentialStore(container.GetRequiredService<TimeProvider>()));
        services.AddKeyedTransient(name, (container, _) => new RegistryConnection(
            container.GetRequiredService<TApi>(), container.GetRequiredService<IOptions<TOptions>>().Value,
            container.GetRequiredKeyedService<CredentialStore>(name), container.GetRequiredKeyedService<AdapterActivity>(name),
            container.GetRequiredService<TimeProvider>()));
        services.AddTransient<IAdapterProbe>(container => new RegistryProbe(
            name, provider, container.GetRequiredKeyedService<RegistryConnection>(name), container.GetRequiredKeyedService<AdapterActivity>(name)));
        // The wire's field names are sent as they are written (no camelCase).
        services.AddRefitGeneratedClient<TApi>(new RefitSettings(new SystemTextJsonContentSerializer(new JsonSerializerOptions())))
            .ConfigureHttpClient((container, client) => client.BaseAddress = container.GetRequiredService<IOptions<TOptions>>().Value.BaseUrl)
            .AddAdapterPipeline(name, container => container.GetRequiredService<IOptions<TOptions>>().Value);
    }
}
