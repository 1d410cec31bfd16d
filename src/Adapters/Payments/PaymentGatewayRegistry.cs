using IntegrationHub.Adapters.Configuration;
using IntegrationHub.Adapters.Http;
using IntegrationHub.Adapters.Health;
using IntegrationHub.Adapters.Resilience;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Refit;

namespace IntegrationHub.Adapters.Payments;

/// <summary>
/// The payment gateways the hub knows, each added by one call; those with a configuration section become an
/// <see cref="IPaymentGateway"/> keyed by name, with validated options, its pipeline, its Refit client and its health probe.
/// </summary>
public sealed class PaymentGatewayRegistry(IServiceCollection services, IConfiguration configuration)
{
    public IServiceCollection Services => services;

    /// <param name="name">The gateway's adapter name, as <c>Hub:Payments</c> chooses it and its callback path carries it.</param>
    /// <param name="displayName">How operators see it in health reports.</param>
    /// <param name="section">Its configuration section; the gateway runs only when it exists.</param>
    /// <param name="configureClient">Anything its HTTP client needs beyond the base address (a bearer token).</param>
    public PaymentGatewayRegistry Add<TGateway, TOptions, TApi>(
        string name, string displayName, string section, Action<TOptions, HttpClient>? configureClient = null)
        where TGateway : class, IPaymentGateway
        where TOptions : PaymentGatewayOptions
        where TApi : class
    {
        var settings = configuration.GetSection(section);
        if (!settings.Exists())
        {
            return this;
        }
        services.AddValidatedOptions<TOptions>(configuration, settings.Path);
        services.AddAdapterActivity(name);
        services.AddTransient<TGateway>();
        services.AddKeyedTransient<IPaymentGateway>(name, (container, _) => container.GetRequiredService<TGateway>());
        services.AddTransient<IAdapterProbe>(container => new PaymentGatewayProbe(
            container.GetRequiredService<TGateway>(), displayName, container.GetRequiredKeyedService<AdapterActivity>(name), container.GetRequiredService<TimeProvider>()));
        services.AddRefitGeneratedClient<TApi>(WireJson.AsDeclared)
            .ConfigureHttpClient((container, client) =>
            {
                var options = container.GetRequiredService<IOptions<TOptions>>().Value;
                client.BaseAddress = options.ApiUrl;
                configureClient?.Invoke(options, client);
            })
            .AddAdapterPipeline(name, container => container.GetRequiredService<IOptions<TOptions>>().Value);
        return this;
    }
}
