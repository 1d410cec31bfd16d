using IntegrationHub.Adapters.Health;

namespace IntegrationHub.Adapters.Payments;

/// <summary>
/// Checks a gateway with a signed status query for a reference that does not exist: "not found" proves
/// its API answers and accepts the hub's signature.
/// </summary>
public sealed class PaymentGatewayProbe(IPaymentGateway gateway, string provider, AdapterActivity activity, TimeProvider clock) : IAdapterProbe
{
    public string Name => gateway.Name;

    public string Provider => provider;

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
