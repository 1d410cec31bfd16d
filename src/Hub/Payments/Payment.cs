using IntegrationHub.Adapters.Payments;
using IntegrationHub.Hub.Dossiers;

namespace IntegrationHub.Hub.Payments;

/// <summary>The numbers are the wire's <c>PaymentState</c>.</summary>
public enum PaymentStatus
{
    Pending = 1,
    Paid = 2,
    Failed = 3,
    Expired = 4,
    Refunded = 5,
}

/// <summary>
/// Fees a dossier's applicant is asked to pay online through one gateway. It starts pending and is
/// settled once, by the gateway's callback or by reconciliation: paid, failed or expired.
/// </summary>
public sealed class Payment
{
    private Payment()
    {
    }

    public Guid Id { get; private set; }
    public Guid DossierId { get; private set; }
    public string DossierCode { get; private set; } = "";
    public string AgencyCode { get; private set; } = "";
    public string Gateway { get; private set; } = "";
    /// <summary>The merchant reference the gateway knows the payment by.</summary>
    public string Reference { get; private set; } = "";
    /// <summary>VND, whole dong.</summary>
    public long Amount { get; private set; }
    public List<DossierFee> Fees { get; private set; } = [];
    public string Description { get; private set; } = "";
    public string PayerIp { get; private set; } = "";
    public string PayUrl { get; private set; } = "";
    public PaymentStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public string? GatewayTransactionId { get; private set; }
    public DateTimeOffset? PaidAt { get; private set; }
    public string? FailureReason { get; private set; }
    public DateTimeOffset? RefundedAt { get; private set; }
    public string? RefundReason { get; private set; }
    public string? RefundTransactionId { get; private set; }
    public int Version { get; private set; }

    public static Payment Open(Dossier dossier, string gateway, IReadOnlyList<DossierFee> fees, string payerIp, DateTimeOffset now, TimeSpan window)
    {
        var id = Guid.CreateVersion7();
        return new Payment
        {
            Id = id,
            DossierId = dossier.Id,
            DossierCode = dossier.Code,
            AgencyCode = dossier.AgencyCode,
            Gateway = gateway,
            Reference = id.ToString("N"),
            Amount = fees.Sum(f => f.Amount),
            Fees = [.. fees],
            Description = DescriptionOf(dossier.Code),
            PayerIp = payerIp,
            Status = PaymentStatus.Pending,
            CreatedAt = now,
            ExpiresAt = now + window,
            UpdatedAt = now,
            Version = 1,
        };
    }

    /// <summary>What a payment of a dossier's fees says it is for.</summary>
    public static string DescriptionOf(string dossierCode) => $"Nộp phí, lệ phí hồ sơ {dossierCode}";

    public RefundOrder RefundOrder(string reason, string requestedBy) => new(GatewayTransactionId, reason, requestedBy);

    public PaymentOrder Order => new(Reference, Amount, Description, DossierCode, CreatedAt, ExpiresAt, PayerIp);

    public void Started(PaymentStart start) => PayUrl = start.PayUrl;

    /// <summary>Takes the gateway's word on a pending payment.</summary>
    /// <returns>False when it was settled before (a duplicate callback): nothing changes.</returns>
    public bool Settle(PaymentReport report, DateTimeOffset now)
    {
        if (Status != PaymentStatus.Pending || report.State is not (GatewayPaymentState.Paid or GatewayPaymentState.Failed))
        {
            return false;
        }
        Status = report.State == GatewayPaymentState.Paid ? PaymentStatus.Paid : PaymentStatus.Failed;
        GatewayTransactionId = report.TransactionId;
        PaidAt = Status == PaymentStatus.Paid ? report.PaidAt ?? now : null;
        FailureReason = Status == PaymentStatus.Failed ? report.Reason ?? "the gateway reported a failure" : null;
        Touch(now);
        return true;
    }

    /// <exception cref="DossierStateException">The payment is not paid.</exception>
    public void EnsureRefundable()
    {
        if (Status != PaymentStatus.Paid)
        {
            throw new DossierStateException($"payment {Reference} is {Status}; only a paid payment can be refunded");
        }
    }

    public void Refunded(RefundReport report, string reason, DateTimeOffset now)
    {
        EnsureRefundable();
        Status = PaymentStatus.Refunded;
        RefundedAt = now;
        RefundReason = reason;
        RefundTransactionId = report.TransactionId;
        Touch(now);
    }

    public void Expire(DateTimeOffset now)
    {
        Status = PaymentStatus.Expired;
        FailureReason = $"not paid by {ExpiresAt:u}";
        Touch(now);
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}
