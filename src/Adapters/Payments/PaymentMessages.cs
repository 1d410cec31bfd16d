namespace IntegrationHub.Adapters.Payments;

/// <summary>What the citizen is asked to pay, in the hub's terms.</summary>
/// <param name="Reference">The merchant reference, unique per payment (vnp_TxnRef, MaThamChieu).</param>
/// <param name="Amount">VND, whole dong.</param>
/// <param name="Description">Shown to the citizen; gateways that want it without diacritics get it so.</param>
/// <param name="Receipt">What the receipt (biên lai) shows, for gateways that issue one; given when the payment is opened.</param>
public sealed record PaymentOrder(
    string Reference, long Amount, string Description, string DossierCode, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, string ClientIp,
    PaymentReceipt? Receipt = null);

/// <summary>Who pays what to whom, as a receipt states it.</summary>
/// <param name="AgencyCode">The collecting agency's code (mã định danh).</param>
/// <param name="PayerIdNumber">The applicant's identification number or enterprise code.</param>
public sealed record PaymentReceipt(
    string AgencyCode, string AgencyName, string ProcedureCode, string PayerName, string PayerIdNumber, string? PayerAddress, IReadOnlyList<ReceiptLine> Lines);

/// <param name="Kind">1 = fee (phí), 2 = charge (lệ phí).</param>
public sealed record ReceiptLine(string Code, string Name, long Amount, int Kind);

/// <param name="PayUrl">Where the citizen's browser goes to pay (or the payload of a QR code).</param>
public sealed record PaymentStart(string PayUrl);

public enum GatewayPaymentState
{
    /// <summary>Not paid yet, or the gateway does not say.</summary>
    Pending,
    Paid,
    /// <summary>The attempt failed or was cancelled; see the reason.</summary>
    Failed,
    /// <summary>The gateway has no such order (the citizen never opened the payment page).</summary>
    Unknown,
}

/// <summary>What a gateway says of one order.</summary>
/// <param name="Amount">VND, as the gateway states it.</param>
public sealed record PaymentReport(
    string Reference, long Amount, GatewayPaymentState State, string? TransactionId, DateTimeOffset? PaidAt, string? Reason);

/// <summary>A full refund of a paid order.</summary>
/// <param name="TransactionId">The gateway's id of the payment.</param>
/// <param name="RequestedBy">Who at the agency asks for it.</param>
public sealed record RefundOrder(string? TransactionId, string Reason, string RequestedBy);

/// <param name="TransactionId">The gateway's id of the refund, when it gives one.</param>
public sealed record RefundReport(string? TransactionId);

/// <summary>A callback as it reached the hub: its query string and body.</summary>
public sealed record PaymentCallback(IReadOnlyDictionary<string, string> Query, string Body);

/// <param name="Report">Null when the signature does not verify or the callback is not the gateway's format.</param>
/// <param name="Problem">Why there is no report.</param>
public sealed record CallbackReading(PaymentReport? Report, string? Problem);

/// <summary>What the hub made of a callback, checked in this order.</summary>
public enum CallbackOutcome
{
    Confirmed,
    BadSignature,
    UnknownReference,
    WrongAmount,
    /// <summary>A duplicate: the payment was already settled; nothing changed.</summary>
    AlreadyConfirmed,
    Error,
}

public sealed record CallbackAnswer(int StatusCode, string ContentType, string Body);

/// <summary>The gateway could not be reached, refused the hub, or answered outside its format.</summary>
public class PaymentGatewayException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The gateway, or the hub's configuration of it, refuses this order for good: asking again will not help.</summary>
public sealed class PaymentRefusedException(string message) : PaymentGatewayException(message);
