using System.Text.Json;
using IntegrationHub.Adapters.Health;
using System.Net.Http.Headers;
using IntegrationHub.Adapters.Payments.PaymentPlatform;
using IntegrationHub.Adapters.Payments.PaymentPlatform.Wire;
using IntegrationHub.Adapters.Payments.Vnpay;
using IntegrationHub.Adapters.Payments.Vnpay.Wire;
using IntegrationHub.Adapters.Resilience;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Refit;

namespace IntegrationHub.Adapters.Payments;

public static class PaymentsServiceCollectionExtensions
{
    // Wire names are the gateways' own, so they are serialized as declared.
    private static readonly RefitSettings AsDeclared = new(new SystemTextJsonContentSerializer(new JsonSerializerOptions()));

    /// <summary>
    /// The payment gateways that are configured: VNPAY when <c>Hub:Adapters:Vnpay</c> exists, the DVCQG
    /// payment platform when <c>Hub:Adapters:PaymentPlatform</c> does. Each is an <see cref="IPaymentGateway"/>
    /// keyed by its name, with its pipeline and its health probe.
    /// </summary>
    public static IServiceCollection AddPaymentGateways(this IServiceCollection services, IConfiguration configuration)
    {
        var vnpay = configuration.GetSection(VnpayOptions.SectionName);
        if (vnpay.Exists())
        {
            services.AddGateway<VnpayGateway, VnpayOptions>(VnpayGateway.AdapterName, "VNPAY", vnpay);
            services.AddRefitGeneratedClient<IVnpayApi>(AsDeclared)
                .ConfigureHttpClient((container, client) => client.BaseAddress = container.GetRequiredService<IOptions<VnpayOptions>>().Value.ApiUrl)
                .AddAdapterPipeline(VnpayGateway.AdapterName, container => container.GetRequiredService<IOptions<VnpayOptions>>().Value);
        }
        var platform = configuration.GetSection(PaymentPlatformOptions.SectionName);
        if (platform.Exists())
        {
            services.AddGateway<PaymentPlatformGateway, PaymentPlatformOptions>(PaymentPlatformGateway.AdapterName, "DVCQG PaymentPlatform", platform);
            services.AddRefitGeneratedClient<IPaymentPlatformApi>(AsDeclared)
                .ConfigureHttpClient((container, client) =>
                {
                    var settings = container.GetRequiredService<IOptions<PaymentPlatformOptions>>().Value;
                    client.BaseAddress = settings.ApiUrl;
                    if (!string.IsNullOrEmpty(settings.AccessToken))
                    {
                        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", settings.AccessToken);
                    }
                })
                .AddAdapterPipeline(PaymentPlatformGateway.AdapterName, container => container.GetRequiredService<IOptions<PaymentPlatformOptions>>().Value);
        }
        return services;
    }

    private static void AddGateway<TGateway, TOptions>(this IServiceCollection services, string name, string provider, IConfigurationSection section)
        where TGateway : class, IPaymentGateway
        where TOptions : class
    {
        services.AddOptions<TOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        services.AddAdapterActivity(name);
        services.AddTransient<TGateway>();
        services.AddKeyedTransient<IPaymentGateway>(name, (container, _) => container.GetRequiredService<TGateway>());
        services.AddTransient<IAdapterProbe>(container => new PaymentGatewayProbe(
            container.GetRequiredService<TGateway>(), provider, container.GetRequiredKeyedService<AdapterActivity>(name), container.GetRequiredService<TimeProvider>()));
    }
}
