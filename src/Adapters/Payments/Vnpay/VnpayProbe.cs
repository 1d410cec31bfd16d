using IntegrationHub.Adapters.Health;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Adapters.Payments.Vnpay;

/// <summary>Checks VNPAY with a signed querydr for a reference that does not exist: "not found" proves the API answers and accepts the terminal's signature.</summary>
public sealed class VnpayProbe(VnpayGateway gateway, [FromKeyedServices(VnpayGateway.AdapterName)] AdapterActivity activity, TimeProvider clock) : IAdapterProbe
{
    public string Name => VnpayGateway.AdapterName;

    public string Provider => "VNPAY";

    public AdapterActivity Activity => activity;

    public async Task ProbeAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        try
        {
            await gateway.QueryAsync(new PaymentOrder("health-check", 0, "health check", "-", now, now, "127.0.0.1"), cancellationToken);
        }
        catch (PaymentGatewayException e)
        {
            throw new AdapterProbeException(e.Message, e);
        }
    }
}
