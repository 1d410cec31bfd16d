using System.Net.Http.Headers;
using IntegrationHub.Adapters.Payments.PaymentPlatform;
using IntegrationHub.Adapters.Payments.PaymentPlatform.Wire;
using IntegrationHub.Adapters.Payments.Vnpay;
using IntegrationHub.Adapters.Payments.Vnpay.Wire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Adapters.Payments;

public static class PaymentsServiceCollectionExtensions
{
    /// <summary>
    /// Every payment gateway the hub can speak; configuration chooses which run: VNPAY when
    /// <c>Hub:Adapters:Vnpay</c> exists, the DVCQG payment platform when <c>Hub:Adapters:PaymentPlatform</c> does.
    /// </summary>
    public static IServiceCollection AddPaymentGateways(this IServiceCollection services, IConfiguration configuration) =>
        new PaymentGatewayRegistry(services, configuration)
            .Add<VnpayGateway, VnpayOptions, IVnpayApi>(VnpayGateway.AdapterName, "VNPAY", VnpayOptions.SectionName)
            .Add<PaymentPlatformGateway, PaymentPlatformOptions, IPaymentPlatformApi>(
                PaymentPlatformGateway.AdapterName, "DVCQG PaymentPlatform", PaymentPlatformOptions.SectionName, (settings, client) =>
                {
                    if (!string.IsNullOrEmpty(settings.AccessToken))
                    {
                        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", settings.AccessToken);
                    }
                })
            .Services;
}
