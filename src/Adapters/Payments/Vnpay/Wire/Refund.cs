namespace IntegrationHub.Adapters.Payments.Vnpay.Wire;

/// <summary>POST merchant_webapi/api/transaction with vnp_Command=refund; names are VNPAY's.</summary>
/// <param name="vnp_TransactionType">02: full refund.</param>
/// <param name="vnp_Amount">×100.</param>
public sealed record RefundRequest(
    string vnp_RequestId, string vnp_Version, string vnp_Command, string vnp_TmnCode, string vnp_TransactionType, string vnp_TxnRef, string vnp_Amount,
    string vnp_OrderInfo, string vnp_TransactionNo, string vnp_TransactionDate, string vnp_CreateBy, string vnp_CreateDate, string vnp_IpAddr,
    string vnp_SecureHash);
