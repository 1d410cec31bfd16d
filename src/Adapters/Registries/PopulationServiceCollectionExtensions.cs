using System.Diagnostics.Metrics;
using IntegrationHub.Adapters.Health;
using IntegrationHub.Adapters.Http;
using IntegrationHub.Adapters.Registries.Wire;
using IntegrationHub.Adapters.Resilience;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Refit;

namespace IntegrationHub.Adapters.Registries;

public static class PopulationServiceCollectionExtensions
{
    public const string AdapterName = "population";

    /// <summary>The population-database adapter: options from <c>Hub:Adapters:Population</c>, the Refit wire client, the adapters' pipeline, and its probe.</summary>
    public static IServiceCollection AddPopulationRegistry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PopulationOptions>()
            .Bind(configuration.GetSection(PopulationOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddKeyedSingleton(AdapterName, (provider, _) => new CredentialStore(provider.GetRequiredService<TimeProvider>()));
        services.AddKeyedSingleton(AdapterName, (provider, _) =>
            new AdapterActivity(AdapterName, provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<IMeterFactory>()));
        services.AddSingleton(provider => provider.GetRequiredKeyedService<AdapterActivity>(AdapterName));
        services.AddTransient<PopulationClient>();
        services.AddTransient<IPopulationRegistry>(provider => provider.GetRequiredService<PopulationClient>());
        services.AddTransient<IAdapterProbe, PopulationProbe>();
        // The wire's field names are sent as they are written (no camelCase).
        services.AddRefitGeneratedClient<IPopulationApi>(new RefitSettings(new SystemTextJsonContentSerializer(new System.Text.Json.JsonSerializerOptions())))
            .ConfigureHttpClient((provider, client) => client.BaseAddress = provider.GetRequiredService<IOptions<PopulationOptions>>().Value.BaseUrl)
            .AddAdapterPipeline(AdapterName, provider => provider.GetRequiredService<IOptions<PopulationOptions>>().Value);
        return services;
    }
}
