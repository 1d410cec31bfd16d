using IntegrationHub.Adapters.Exchanges;
using IntegrationHub.Adapters.Payments;
using IntegrationHub.Hub.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;

namespace IntegrationHub.Hub.Payments;

/// <summary>
/// Asks the gateway about every payment still pending after <see cref="PaymentOptions.ReconcileAfter"/>:
/// paid without a callback (the callback was lost) becomes paid, a failure becomes failed, and one
/// still unpaid after its window and <see cref="PaymentOptions.ExpiryGrace"/> expires. A gateway that
/// cannot be asked leaves its payments for the next run.
/// </summary>
[DisallowConcurrentExecution]
public sealed class PaymentReconciliationJob(IServiceScopeFactory scopes, IOptions<PaymentOptions> options, TimeProvider clock, ILogger<PaymentReconciliationJob> logger) : IJob
{
    public static readonly JobKey Key = new("payment-reconciliation", "payments");

    private const int BatchSize = 200;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        List<Payment> pending;
        await using (var scope = scopes.CreateAsyncScope())
        {
            pending = await scope.ServiceProvider.GetRequiredService<HubDbContext>().Set<Payment>().AsNoTracking()
                .Where(p => p.Status == PaymentStatus.Pending && p.CreatedAt < now - options.Value.ReconcileAfter)
                .OrderBy(p => p.CreatedAt)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
        }
        foreach (var payment in pending)
        {
            await using var scope = scopes.CreateAsyncScope();
            await ReconcileAsync(scope.ServiceProvider, payment, now, cancellationToken);
        }
    }

    private async Task ReconcileAsync(IServiceProvider services, Payment payment, DateTimeOffset now, CancellationToken cancellationToken)
    {
        PaymentReport report;
        try
        {
            using var exchanges = ExchangeContext.Begin(clientId: null, payment.DossierCode, [payment.DossierId]);
            report = await services.GetRequiredKeyedService<IPaymentGateway>(payment.Gateway).QueryAsync(payment.Order, cancellationToken);
        }
        catch (PaymentGatewayException e)
        {
            logger.LogWarning("Payment {Reference} could not be reconciled at {Gateway}: {Error}", payment.Reference, payment.Gateway, e.Message);
            return;
        }
        switch (report.State)
        {
            case GatewayPaymentState.Paid or GatewayPaymentState.Failed when report.Amount != payment.Amount:
                logger.LogWarning("Payment {Reference}: {Gateway} states {Stated} VND, the payment is {Amount} VND; left pending for an operator",
                    payment.Reference, payment.Gateway, report.Amount, payment.Amount);
                break;
            case GatewayPaymentState.Paid or GatewayPaymentState.Failed:
                await services.GetRequiredService<PaymentSettlement>().SettleAsync(payment.Id, report, cancellationToken);
                break;
            case var _ when now > payment.ExpiresAt + options.Value.ExpiryGrace:
                var db = services.GetRequiredService<HubDbContext>();
                var expiring = await db.Set<Payment>().FirstAsync(p => p.Id == payment.Id, cancellationToken);
                if (expiring.Status == PaymentStatus.Pending)
                {
                    expiring.Expire(now);
                    await db.SaveChangesAsync(cancellationToken);
                }
                break;
        }
    }
}
