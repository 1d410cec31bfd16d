using Google.Protobuf.WellKnownTypes;
using IntegrationHub.Hub.Payments;

namespace IntegrationHub.Hub.Api.Payments;

/// <summary>A payment as the payment service (and a dossier's view) answers it.</summary>
public static class PaymentAnswerWriter
{
    public static V1.Payment ToMessage(PaymentView payment) => new()
    {
        PaymentId = payment.Id.ToString(),
        DossierCode = payment.DossierCode,
        Gateway = payment.Gateway,
        Reference = payment.Reference,
        Amount = payment.Amount,
        Fees = { payment.Fees.Select(f => new V1.Fee { Code = f.Code, Name = f.Name, Amount = f.Amount, Kind = f.Kind }) },
        PayUrl = payment.PayUrl,
        State = (V1.PaymentState)(int)payment.Status,
        CreatedAt = Timestamp.FromDateTimeOffset(payment.CreatedAt),
        ExpiresAt = Timestamp.FromDateTimeOffset(payment.ExpiresAt),
        GatewayTransactionId = payment.GatewayTransactionId ?? "",
        PaidAt = Timestamps.Of(payment.PaidAt),
        FailureReason = payment.FailureReason ?? "",
        RefundedAt = Timestamps.Of(payment.RefundedAt),
        RefundReason = payment.RefundReason ?? "",
        RefundTransactionId = payment.RefundTransactionId ?? "",
    };
}
