using IntegrationHub.Adapters.Payments;
using IntegrationHub.Hub.Changes;
using IntegrationHub.Hub.Dossiers;
using IntegrationHub.Hub.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IntegrationHub.Hub.Payments;

/// <summary>
/// Records what a gateway said of a payment, once: a paid payment marks the dossier's fees paid in the
/// same transaction, so the national portal and the agency (a PaymentReceived event) hear of it
/// through the outbox. Used by callbacks and by reconciliation alike.
/// </summary>
public sealed class PaymentSettlement(HubDbContext db, DossierChanges changes, TimeProvider clock)
{
    private const int Attempts = 5;

    /// <returns>False when the payment was settled before: nothing changed.</returns>
    public async Task<bool> SettleAsync(Guid paymentId, PaymentReport report, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var payment = await db.Set<Payment>().FirstAsync(p => p.Id == paymentId, cancellationToken);
            var now = clock.GetUtcNow();
            if (!payment.Settle(report, now))
            {
                return false;
            }
            if (payment.Status == PaymentStatus.Paid)
            {
                // Results travel with every portal sync, so they are loaded.
                var dossier = await db.Set<Dossier>().Include(d => d.Results).FirstAsync(d => d.Id == payment.DossierId, cancellationToken);
                dossier.RecordFeesPaid(payment.PaidAt!.Value, payment.Gateway, now);
                changes.Enqueue(new DossierChange(dossier, DossierChangeKind.FeesPaid, PaymentReference: payment.Reference));
            }
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                changes.Committed();
                return true;
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
                // A duplicate callback or an agency's write got there first; the next round sees what it did.
                db.ChangeTracker.Clear();
            }
        }
    }
}
