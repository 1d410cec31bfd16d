namespace IntegrationHub.Adapters.Payments.Vnpay.Wire;

/// <summary>POST merchant_webapi/api/transaction with vnp_Command=querydr; names are VNPAY's.</summary>
public sealed record QueryDrRequest(
    string vnp_RequestId, string vnp_Version, string vnp_Command, string vnp_TmnCode, string vnp_TxnRef, string vnp_OrderInfo,
    string vnp_TransactionDate, string vnp_CreateDate, string vnp_IpAddr, string vnp_SecureHash);

/// <summary>The answer to querydr and to refund.</summary>
public sealed record QueryDrAnswer
{
    public string? vnp_ResponseId { get; init; }
    public string? vnp_Command { get; init; }
    public string? vnp_ResponseCode { get; init; }
    public string? vnp_Message { get; init; }
    public string? vnp_TmnCode { get; init; }
    public string? vnp_TxnRef { get; init; }
    public string? vnp_Amount { get; init; }
    public string? vnp_BankCode { get; init; }
    public string? vnp_PayDate { get; init; }
    public string? vnp_TransactionNo { get; init; }
    public string? vnp_TransactionType { get; init; }
    public string? vnp_TransactionStatus { get; init; }
    public string? vnp_OrderInfo { get; init; }
    public string? vnp_PromotionCode { get; init; }
    public string? vnp_PromotionAmount { get; init; }
    public string? vnp_SecureHash { get; init; }

    /// <summary>A querydr answer's fields in the order its hash covers them.</summary>
    public IEnumerable<string?> HashedFields() =>
    [
        vnp_ResponseId, vnp_Command, vnp_ResponseCode, vnp_Message, vnp_TmnCode, vnp_TxnRef, vnp_Amount, vnp_BankCode, vnp_PayDate,
        vnp_TransactionNo, vnp_TransactionType, vnp_TransactionStatus, vnp_OrderInfo, vnp_PromotionCode, vnp_PromotionAmount,
    ];

    /// <summary>
    /// A refund answer's fields in the order its hash covers them: querydr's without the promotion fields,
    /// as VNPAY's refund documentation lists them (the contract gives no list of its own).
    /// </summary>
    public IEnumerable<string?> RefundHashedFields() =>
    [
        vnp_ResponseId, vnp_Command, vnp_ResponseCode, vnp_Message, vnp_TmnCode, vnp_TxnRef, vnp_Amount, vnp_BankCode, vnp_PayDate,
        vnp_TransactionNo, vnp_TransactionType, vnp_TransactionStatus, vnp_OrderInfo,
    ];
}
