using IntegrationHub.Adapters.Payments;
using IntegrationHub.Hub.Changes;
using IntegrationHub.Hub.Dossiers;
using IntegrationHub.Hub.Idempotency;
using IntegrationHub.Hub.Persistence;
using IntegrationHub.Hub.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Hub.Payments;

/// <summary>
/// Opens payments for level-4 dossiers, at submit or when the agency asks later, through the gateway
/// configured for them; finds them for their agencies; and gives paid ones back.
/// </summary>
public sealed class PaymentDesk(
    HubDbContext db, IdempotentWriter writer, IServiceProvider services, AgencyDirectory agencies, DossierChanges changes, IOptions<PaymentOptions> options,
    TimeProvider clock)
{
    /// <summary>Adds a pending payment of the fees to the unit of work (not saved), with where to pay.</summary>
    /// <exception cref="DossierStateException">No gateway is configured for the dossier's agency or procedure.</exception>
    public async Task<Payment> OpenAsync(Dossier dossier, IReadOnlyList<DossierFee> fees, string? payerIp, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var name = settings.ProcedureGateways.GetValueOrDefault(dossier.ProcedureCode)
            ?? settings.AgencyGateways.GetValueOrDefault(dossier.AgencyCode)
            ?? settings.DefaultGateway
            ?? throw new DossierStateException($"no payment gateway is configured for agency {dossier.AgencyCode} or procedure {dossier.ProcedureCode}");
        var gateway = services.GetKeyedService<IPaymentGateway>(name)
            ?? throw new InvalidOperationException($"Payment gateway '{name}' is named in {PaymentOptions.SectionName} but not configured.");
        var payment = Payment.Open(dossier, gateway.Name, fees, payerIp ?? settings.DefaultPayerIp, StoredTime.Now(clock), settings.PaymentWindow);
        payment.Started(await gateway.StartAsync(payment.Order with { Receipt = Receipt(dossier, fees) }, cancellationToken));
        db.Set<Payment>().Add(payment);
        return payment;
    }

    private PaymentReceipt Receipt(Dossier dossier, IReadOnlyList<DossierFee> fees) => new(
        dossier.AgencyCode, agencies.AgencyName(dossier.AgencyCode), dossier.ProcedureCode,
        dossier.Applicant.Name ?? "", dossier.Applicant.IdNumber, dossier.Applicant.Address,
        [.. fees.Select(f => new ReceiptLine(f.Code, f.Name, f.Amount, f.Kind))]);

    /// <summary>RequestPayment: fees known after appraisal, for a level-4 dossier with no payment pending.</summary>
    public async Task<PaymentView> RequestAsync(
        WriteRequest request, AgencyClient client, string dossierCode, IReadOnlyList<DossierFee> fees, string? payerIp, CancellationToken cancellationToken)
    {
        var (answer, _) = await writer.RunAsync(request, "RequestPayment", async token =>
        {
            var dossier = await db.Set<Dossier>().FirstOrDefaultAsync(d => d.Code == dossierCode, token) ?? throw new DossierNotFoundException(dossierCode);
            if (!client.MayActFor(dossier.AgencyCode))
            {
                throw new AgencyAccessDeniedException($"client {client.Id} may not act for agency {dossier.AgencyCode}");
            }
            if (dossier.ServiceLevel != ServiceLevel.Level4)
            {
                throw new DossierStateException($"dossier {dossier.Code} is level 3: its fees are paid at the counter");
            }
            if (await db.Set<Payment>().AnyAsync(p => p.DossierId == dossier.Id && p.Status == PaymentStatus.Pending, token))
            {
                throw new DossierStateException($"dossier {dossier.Code} already has a payment pending");
            }
            return PaymentView.Of(await OpenAsync(dossier, fees, payerIp, token));
        }, cancellationToken);
        return answer;
    }

    /// <summary>The payment by id or merchant reference, if it is one of the client's agencies'.</summary>
    /// <exception cref="PaymentNotFoundException">There is none.</exception>
    public async Task<Payment> FindAsync(AgencyClient client, string key, bool tracked, CancellationToken cancellationToken)
    {
        var query = tracked ? db.Set<Payment>() : db.Set<Payment>().AsNoTracking();
        var payment = await (Guid.TryParse(key, out var id) ? query.Where(p => p.Id == id) : query.Where(p => p.Reference == key)).FirstOrDefaultAsync(cancellationToken);
        return payment is not null && client.MayActFor(payment.AgencyCode) ? payment : throw new PaymentNotFoundException(key);
    }

    /// <summary>RefundPayment: the paid fees given back through the payment's gateway; the dossier's fees are no longer paid.</summary>
    public async Task<PaymentView> RefundAsync(
        WriteRequest request, AgencyClient client, string key, string reason, string requestedBy, CancellationToken cancellationToken)
    {
        var (answer, changed) = await writer.RunAsync(request, "RefundPayment", async token =>
        {
            var payment = await FindAsync(client, key, tracked: true, token);
            payment.EnsureRefundable();
            var gateway = services.GetRequiredKeyedService<IPaymentGateway>(payment.Gateway);
            var report = await gateway.RefundAsync(payment.Order, payment.RefundOrder(reason, requestedBy), token);
            var now = StoredTime.Now(clock);
            payment.Refunded(report, reason, now);
            // Results travel with every portal sync, so they are loaded.
            var dossier = await db.Set<Dossier>().Include(d => d.Results).FirstAsync(d => d.Id == payment.DossierId, token);
            dossier.RecordFeesRefunded(now);
            changes.Enqueue(new DossierChange(dossier, DossierChangeKind.FeesRefunded, PaymentReference: payment.Reference));
            return PaymentView.Of(payment);
        }, cancellationToken);
        if (changed)
        {
            changes.Committed();
        }
        return answer;
    }
}
