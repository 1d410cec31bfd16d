using System.Text.Json;
using IntegrationHub.Adapters.Health;
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
    /// <summary>
    /// The payment gateways that are configured: VNPAY when <c>Hub:Adapters:Vnpay</c> exists. Each is an
    /// <see cref="IPaymentGateway"/> (also keyed by its name) with its pipeline and its health probe.
    /// </summary>
    public static IServiceCollection AddPaymentGateways(this IServiceCollection services, IConfiguration configuration)
    {
        var vnpay = configuration.GetSection(VnpayOptions.SectionName);
        if (vnpay.Exists())
        {
            services.AddOptions<VnpayOptions>().Bind(vnpay).ValidateDataAnnotations().ValidateOnStart();
            services.AddAdapterActivity(VnpayGateway.AdapterName);
            services.AddTransient<VnpayGateway>();
            services.AddKeyedTransient<IPaymentGateway>(VnpayGateway.AdapterName, (container, _) => container.GetRequiredService<VnpayGateway>());
            services.AddTransient<IPaymentGateway>(container => container.GetRequiredService<VnpayGateway>());
            services.AddTransient<IAdapterProbe, VnpayProbe>();
            services.AddRefitGeneratedClient<IVnpayApi>(new RefitSettings(new SystemTextJsonContentSerializer(new JsonSerializerOptions())))
                .ConfigureHttpClient((container, client) => client.BaseAddress = container.GetRequiredService<IOptions<VnpayOptions>>().Value.ApiUrl)
                .AddAdapterPipeline(VnpayGateway.AdapterName, container => container.GetRequiredService<IOptions<VnpayOptions>>().Value);
        }
        return services;
    }
}
