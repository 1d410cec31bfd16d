using IntegrationHub.Adapters.Configuration;
using IntegrationHub.Adapters.Health;
using IntegrationHub.Adapters.Http;
using IntegrationHub.Adapters.NationalPortal.Wire;
using IntegrationHub.Adapters.Resilience;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Refit;

namespace IntegrationHub.Adapters.NationalPortal;

public static class NationalPortalServiceCollectionExtensions
{
    public const string AdapterName = "national-portal";

    /// <summary>
    /// The national-portal adapter: options from <c>Hub:Adapters:NationalPortal</c>, the Refit wire
    /// client, and the adapters' resilience pipeline.
    /// </summary>
    public static IServiceCollection AddNationalPortal(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<NationalPortalOptions>(configuration, NationalPortalOptions.SectionName);
        services.AddAdapterActivity(AdapterName);
        services.AddKeyedSingleton(AdapterName, (provider, _) => new CredentialStore(provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ProcedureCatalog>();
        services.AddSingleton<PortalWireMapper>();
        services.AddTransient<PortalConnection>();
        services.AddTransient<PortalHoldings>();
        services.AddTransient<PortalFilings>();
        services.AddTransient<INationalPortal, NationalPortalClient>();
        services.AddTransient<IAdapterProbe, NationalPortalProbe>();

        services.AddRefitGeneratedClient<INationalPortalApi>(new RefitSettings(new SystemTextJsonContentSerializer(PortalJson.Options)))
            .ConfigureHttpClient((provider, client) => client.BaseAddress = provider.GetRequiredService<IOptions<NationalPortalOptions>>().Value.BaseUrl)
            .AddAdapterPipeline(AdapterName, provider => provider.GetRequiredService<IOptions<NationalPortalOptions>>().Value);
        return services;
    }
}
