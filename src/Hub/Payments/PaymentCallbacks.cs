using IntegrationHub.Adapters.Payments;
using IntegrationHub.Hub.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IntegrationHub.Hub.Payments;

/// <summary>
/// A gateway's callback, checked in the order that keeps a forged or altered one from changing
/// anything: the signature, then the reference, then the amount, then the payment's state. A bad
/// signature or a wrong amount is logged as a security event.
/// </summary>
public sealed class PaymentCallbacks(IServiceProvider services, HubDbContext db, PaymentSettlement settlement, ILogger<PaymentCallbacks> logger)
{
    private static readonly EventId SecurityEvent = new(4001, "PaymentCallbackRejected");

    /// <returns>The gateway's answer, or null for a gateway the hub does not have.</returns>
    public async Task<CallbackAnswer?> HandleAsync(string gatewayName, PaymentCallback callback, string caller, CancellationToken cancellationToken)
    {
        if (services.GetKeyedService<IPaymentGateway>(gatewayName) is not { } gateway)
        {
            return null;
        }
        try
        {
            return gateway.Answer(await CheckAsync(gateway, callback, caller, cancellationToken), callback);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Payment callback from {Gateway} could not be handled", gatewayName);
            return gateway.Answer(CallbackOutcome.Error, callback);
        }
    }

    private async Task<CallbackOutcome> CheckAsync(IPaymentGateway gateway, PaymentCallback callback, string caller, CancellationToken cancellationToken)
    {
        var reading = gateway.ReadCallback(callback);
        if (reading.Report is not { } report)
        {
            logger.LogWarning(SecurityEvent, "Payment callback to {Gateway} from {Caller} refused: {Problem}", gateway.Name, caller, reading.Problem);
            return CallbackOutcome.BadSignature;
        }
        var payment = await db.Set<Payment>().AsNoTracking().FirstOrDefaultAsync(p => p.Reference == report.Reference && p.Gateway == gateway.Name, cancellationToken);
        if (payment is null)
        {
            logger.LogWarning("Payment callback to {Gateway} from {Caller} names unknown reference {Reference}", gateway.Name, caller, report.Reference);
            return CallbackOutcome.UnknownReference;
        }
        if (report.Amount != payment.Amount)
        {
            logger.LogWarning(SecurityEvent, "Payment callback to {Gateway} from {Caller} for {Reference} states {Stated} VND; the payment is {Amount} VND",
                gateway.Name, caller, report.Reference, report.Amount, payment.Amount);
            return CallbackOutcome.WrongAmount;
        }
        return await settlement.SettleAsync(payment.Id, report, cancellationToken) ? CallbackOutcome.Confirmed : CallbackOutcome.AlreadyConfirmed;
    }
}
