using IntegrationHub.Adapters.Payments;
using IntegrationHub.Sandbox.Payments;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Tests.Adapters.Conformance;

public sealed class VnpayConformanceTests : AdapterConformanceTests<VnpaySimulator>
{
    protected override string AdapterName => "vnpay";
    protected override string DisplayName => "VNPAY";
    protected override VnpaySimulator StartSystem() => VnpaySimulator.Start(new VnpaySimulatorOptions { HashSecret = "conformance-vnpay-secret" });
    protected override IServiceCollection AddAdapter(IServiceCollection services, IConfiguration configuration) => services.AddPaymentGateways(configuration);
}

public sealed class PaymentPlatformConformanceTests : AdapterConformanceTests<PaymentPlatformSimulator>
{
    protected override string AdapterName => "dvcqg-payment";
    protected override string DisplayName => "DVCQG PaymentPlatform";
    protected override PaymentPlatformSimulator StartSystem() => PaymentPlatformSimulator.Start(new PaymentPlatformSimulatorOptions { HashKey = "conformance-platform-key" });
    protected override IServiceCollection AddAdapter(IServiceCollection services, IConfiguration configuration) => services.AddPaymentGateways(configuration);
}
