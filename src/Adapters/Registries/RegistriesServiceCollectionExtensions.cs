using IntegrationHub.Adapters.Configuration;
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
        services.AddRegistry<IPopulationApi, PopulationOptions>(configuration, Population, PopulationOptions.SectionName, "CSDLQGDC", PopulationCheck);
        // Each dialect is one keyed registration; the configured one answers for IPopulationRegistry.
        services.AddDialect<IPopulationRegistry, C06.C06PopulationClient>(PopulationDialect.C06Soap)
            .AddDialect<IPopulationRegistry, C06.LgspPopulationClient>(PopulationDialect.LgspSoap)
            .AddDialect<IPopulationRegistry, C06.JsonProxyPopulationClient>(PopulationDialect.JsonProxy)
            .AddTransient(container => container.GetRequiredKeyedService<IPopulationRegistry>(container.GetRequiredService<IOptions<PopulationOptions>>().Value.Dialect));
        services.AddRegistry<IEnterpriseApi, EnterpriseOptions>(configuration, Enterprise, EnterpriseOptions.SectionName, "CSDLQGDN", TokenCheck(Enterprise));
        services.AddDialect<IEnterpriseRegistry, NgspEnterpriseClient>(EnterpriseDialect.Ngsp)
            .AddDialect<IEnterpriseRegistry, HcmEnterpriseClient>(EnterpriseDialect.HcmLgsp)
            .AddDialect<IEnterpriseRegistry, ThanhHoaEnterpriseClient>(EnterpriseDialect.ThanhHoaDkkd)
            .AddTransient(container => container.GetRequiredKeyedService<IEnterpriseRegistry>(container.GetRequiredService<IOptions<EnterpriseOptions>>().Value.Dialect));
        return services;
    }

    /// <param name="provider">Cơ sở dữ liệu quốc gia về dân cư (CSDLQGDC), về đăng ký doanh nghiệp (CSDLQGDN).</param>
    /// <param name="check">The probe's call: the cheapest the registry's dialect has.</param>
    private static void AddRegistry<TApi, TOptions>(
        this IServiceCollection services, IConfiguration configuration, string name, string section, string provider,
        Func<IServiceProvider, Func<CancellationToken, Task>> check)
        where TApi : class, IRegistryApi
        where TOptions : RegistryOptions
    {
        services.AddValidatedOptions<TOptions>(configuration, section);
        services.AddAdapterActivity(name);
        services.AddKeyedSingleton(name, (container, _) => new CredentialStore(container.GetRequiredService<TimeProvider>()));
        services.AddKeyedTransient(name, (container, _) => new RegistryConnection(
            container.GetRequiredService<TApi>(), container.GetRequiredService<IOptions<TOptions>>().Value,
            container.GetRequiredKeyedService<CredentialStore>(name), container.GetRequiredKeyedService<AdapterActivity>(name),
            container.GetRequiredService<TimeProvider>()));
        services.AddTransient<IAdapterProbe>(container => new RegistryProbe(name, provider, check(container))
        {
            Activity = container.GetRequiredKeyedService<AdapterActivity>(name),
        });
        services.AddRefitGeneratedClient<TApi>(WireJson.AsDeclared)
            .ConfigureHttpClient((container, client) => client.BaseAddress = container.GetRequiredService<IOptions<TOptions>>().Value.BaseUrl)
            .AddAdapterPipeline(name, container => container.GetRequiredService<IOptions<TOptions>>().Value);
    }

    private static IServiceCollection AddDialect<TRegistry, TClient>(this IServiceCollection services, object dialect)
        where TRegistry : class
        where TClient : class, TRegistry =>
        services.AddKeyedTransient<TRegistry>(dialect, (container, _) => ActivatorUtilities.CreateInstance<TClient>(container));

    /// <summary>A fresh token from the data-sharing platform: it answers, and it accepts the hub's credentials.</summary>
    private static Func<IServiceProvider, Func<CancellationToken, Task>> TokenCheck(string name) => container =>
    {
        var connection = container.GetRequiredKeyedService<RegistryConnection>(name);
        var activity = container.GetRequiredKeyedService<AdapterActivity>(name);
        return token => activity.TrackAsync<Credential, RegistryFaultException>(() => connection.RequestTokenAsync(token));
    };

    /// <summary>The platform's token, or, speaking C06 directly (which has no cheaper call), a look-up of a number no one holds.</summary>
    private static Func<CancellationToken, Task> PopulationCheck(IServiceProvider container) =>
        container.GetRequiredService<IOptions<PopulationOptions>>().Value.Dialect == PopulationDialect.C06Soap
            ? token => container.GetRequiredService<IPopulationRegistry>().VerifyAsync(new CitizenQuery(ProbeIdNumber, "KIEM TRA", "1900", "health", "health"), token)
            : TokenCheck(Population)(container);

    // A well-formed number (Hà Nội, male, born 1900) the health check asks about.
    private const string ProbeIdNumber = "001000000000";
}
