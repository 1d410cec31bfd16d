using IntegrationHub.Hub.Dossiers;
using IntegrationHub.Hub.Idempotency;

namespace IntegrationHub.Hub.Payments;

/// <summary>A payment as answers carry it (and as idempotent answers are stored).</summary>
public sealed record PaymentView(
    Guid Id, string DossierCode, string Gateway, string Reference, long Amount, IReadOnlyList<DossierFee> Fees, string PayUrl, PaymentStatus Status,
    DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, string? GatewayTransactionId, DateTimeOffset? PaidAt, string? FailureReason,
    DateTimeOffset? RefundedAt = null, string? RefundReason = null, string? RefundTransactionId = null) : IWriteSubject
{
    string IWriteSubject.Subject => DossierCode;

    public static PaymentView Of(Payment payment) => new(
        payment.Id, payment.DossierCode, payment.Gateway, payment.Reference, payment.Amount, payment.Fees, payment.PayUrl, payment.Status,
        payment.CreatedAt, payment.ExpiresAt, payment.GatewayTransactionId, payment.PaidAt, payment.FailureReason,
        payment.RefundedAt, payment.RefundReason, payment.RefundTransactionId);
}
