using System.Globalization;
using System.Text.Json;
using IntegrationHub.Adapters.Health;
using IntegrationHub.Adapters.Http;
using IntegrationHub.Adapters.Payments.Vnpay.Wire;
using IntegrationHub.Adapters.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Adapters.Payments.Vnpay;

/// <summary>
/// VNPAY (API 2.1.0): a signed redirect to its payment page, its IPN callback (GET, answered with
/// RspCode JSON), and querydr for reconciliation. Amounts travel ×100, times as GMT+7.
/// </summary>
public sealed class VnpayGateway(
    IVnpayApi api,
    IOptions<VnpayOptions> options,
    [FromKeyedServices(VnpayGateway.AdapterName)] AdapterActivity activity,
    TimeProvider clock) : IPaymentGateway
{
    public const string AdapterName = "vnpay";
    private const string Version = "2.1.0";
    private const string FullRefund = "02";

    public string Name => AdapterName;

    public Task<PaymentStart> StartAsync(PaymentOrder order, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var fields = new Dictionary<string, string>
        {
            ["vnp_Version"] = Version,
            ["vnp_Command"] = "pay",
            ["vnp_TmnCode"] = settings.TmnCode,
            ["vnp_Amount"] = Wire(order.Amount),
            ["vnp_CreateDate"] = VietnamTime.Format(order.CreatedAt),
            ["vnp_CurrCode"] = "VND",
            ["vnp_IpAddr"] = order.ClientIp,
            ["vnp_Locale"] = settings.Locale,
            ["vnp_OrderInfo"] = OrderInfo(order.Description),
            ["vnp_OrderType"] = settings.OrderType,
            ["vnp_ReturnUrl"] = settings.ReturnUrl,
            ["vnp_ExpireDate"] = VietnamTime.Format(order.ExpiresAt),
            ["vnp_TxnRef"] = order.Reference,
        };
        return Task.FromResult(new PaymentStart($"{settings.PayUrl}?{VnpaySignature.SignedQuery(fields, settings.HashSecret)}"));
    }

    public CallbackReading ReadCallback(PaymentCallback callback)
    {
        var fields = callback.Query;
        if (!VnpaySignature.Verify(fields, options.Value.HashSecret))
        {
            return new CallbackReading(null, "vnp_SecureHash does not verify");
        }
        if (!fields.TryGetValue("vnp_TxnRef", out var reference) || !TryAmount(fields.GetValueOrDefault("vnp_Amount"), out var amount))
        {
            return new CallbackReading(null, "vnp_TxnRef or vnp_Amount missing or malformed");
        }
        var (responseCode, status) = (fields.GetValueOrDefault("vnp_ResponseCode"), fields.GetValueOrDefault("vnp_TransactionStatus"));
        // Paid only when both say so; the gateway's samples accept either, which counts some failures as paid.
        var paid = responseCode == "00" && status == "00";
        return new CallbackReading(
            new PaymentReport(
                reference, amount, paid ? GatewayPaymentState.Paid : GatewayPaymentState.Failed, fields.GetValueOrDefault("vnp_TransactionNo"),
                PayDate(fields.GetValueOrDefault("vnp_PayDate")), paid ? null : VnpayCodes.Describe(responseCode)),
            null);
    }

    public CallbackAnswer Answer(CallbackOutcome outcome, PaymentCallback callback)
    {
        var (code, message) = outcome switch
        {
            CallbackOutcome.Confirmed => ("00", "Confirm Success"),
            CallbackOutcome.UnknownReference => ("01", "Order not found"),
            CallbackOutcome.AlreadyConfirmed => ("02", "Order already confirmed"),
            CallbackOutcome.WrongAmount => ("04", "Invalid amount"),
            CallbackOutcome.BadSignature => ("97", "Invalid signature"),
            _ => ("99", "Unknown error"),
        };
        return new CallbackAnswer(200, "application/json", JsonSerializer.Serialize(new { RspCode = code, Message = message }));
    }

    public async Task<PaymentReport> QueryAsync(PaymentOrder order, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var (requestId, createDate, orderInfo) = (Guid.NewGuid().ToString("N"), VietnamTime.Format(clock.GetUtcNow()), OrderInfo(order.Description));
        var transactionDate = VietnamTime.Format(order.CreatedAt);
        var hash = VnpaySignature.PipeHash(
            [requestId, Version, "querydr", settings.TmnCode, order.Reference, transactionDate, createDate, settings.ServerIp, orderInfo], settings.HashSecret);
        var request = new QueryDrRequest(requestId, Version, "querydr", settings.TmnCode, order.Reference, orderInfo, transactionDate, createDate, settings.ServerIp, hash);
        return await activity.TrackAsync<PaymentReport, PaymentGatewayException>(async () =>
            ToReport(order, await PostAsync(() => api.TransactionAsync(settings.TransactionPath, request, cancellationToken), cancellationToken)));
    }

    public async Task<RefundReport> RefundAsync(PaymentOrder order, RefundOrder refund, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var (requestId, createDate, orderInfo) = (Guid.NewGuid().ToString("N"), VietnamTime.Format(clock.GetUtcNow()), OrderInfo(refund.Reason));
        var (transactionDate, amount, transactionNo, createBy) = (VietnamTime.Format(order.CreatedAt), Wire(order.Amount), refund.TransactionId ?? "", Cut(refund.RequestedBy, 100));
        var hash = VnpaySignature.PipeHash(
            [requestId, Version, "refund", settings.TmnCode, FullRefund, order.Reference, amount, transactionNo, transactionDate, createBy, createDate, settings.ServerIp, orderInfo],
            settings.HashSecret);
        var request = new RefundRequest(
            requestId, Version, "refund", settings.TmnCode, FullRefund, order.Reference, amount, orderInfo, transactionNo, transactionDate, createBy, createDate,
            settings.ServerIp, hash);
        var answer = await activity.TrackAsync<QueryDrAnswer, PaymentGatewayException>(() =>
            PostAsync(() => api.RefundAsync(settings.TransactionPath, request, cancellationToken), cancellationToken));
        return answer.vnp_ResponseCode switch
        {
            "00" when Verifies(answer.vnp_SecureHash, answer.RefundHashedFields()) => new RefundReport(answer.vnp_TransactionNo),
            "00" => throw new PaymentGatewayException("the refund answer carries no valid vnp_SecureHash"),
            // A refund was asked for before (a retry of this one): the money is on its way back.
            "94" => new RefundReport(null),
            "91" or "95" => throw new PaymentRefusedException($"VNPAY refused the refund: {answer.vnp_ResponseCode} {answer.vnp_Message}"),
            _ => throw new PaymentGatewayException($"refund answered {answer.vnp_ResponseCode}: {answer.vnp_Message}"),
        };
    }

    private static async Task<QueryDrAnswer> PostAsync(Func<Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        var answer = await HttpFaults.ExchangeJsonAsync(send, (message, inner) => new PaymentGatewayException(message, inner), "VNPAY", cancellationToken);
        try
        {
            return answer.Deserialize<QueryDrAnswer>()!;
        }
        catch (JsonException e)
        {
            throw new PaymentGatewayException("an answer that is not VNPAY's JSON", e);
        }
    }

    private PaymentReport ToReport(PaymentOrder order, QueryDrAnswer answer)
    {
        if (answer.vnp_ResponseCode == "91")
        {
            return new PaymentReport(order.Reference, order.Amount, GatewayPaymentState.Unknown, null, null, "VNPAY has no such transaction");
        }
        if (answer.vnp_ResponseCode != "00")
        {
            throw new PaymentGatewayException($"querydr answered {answer.vnp_ResponseCode}: {answer.vnp_Message}");
        }
        if (!Verifies(answer.vnp_SecureHash, answer.HashedFields()))
        {
            throw new PaymentGatewayException("querydr's answer carries no valid vnp_SecureHash");
        }
        if (!TryAmount(answer.vnp_Amount, out var amount))
        {
            throw new PaymentGatewayException("querydr's answer has no valid vnp_Amount");
        }
        var state = answer.vnp_TransactionStatus switch
        {
            "00" => GatewayPaymentState.Paid,
            "01" => GatewayPaymentState.Pending,
            _ => GatewayPaymentState.Failed,
        };
        return new PaymentReport(
            order.Reference, amount, state, answer.vnp_TransactionNo, PayDate(answer.vnp_PayDate),
            state == GatewayPaymentState.Failed ? $"vnp_TransactionStatus {answer.vnp_TransactionStatus}" : null);
    }

    private bool Verifies(string? hash, IEnumerable<string?> fields) =>
        hash is not null && string.Equals(hash, VnpaySignature.PipeHash(fields, options.Value.HashSecret), StringComparison.OrdinalIgnoreCase);

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];

    // Checked: an amount too large for the wire fails the call instead of signing a wrapped-around value.
    private static string Wire(long amount) => checked(amount * 100).ToString(CultureInfo.InvariantCulture);

    private static bool TryAmount(string? wire, out long amount)
    {
        amount = 0;
        if (!long.TryParse(wire, NumberStyles.None, CultureInfo.InvariantCulture, out var hundredths) || hundredths % 100 != 0)
        {
            return false;
        }
        amount = hundredths / 100;
        return true;
    }

    private static DateTimeOffset? PayDate(string? wire) => VietnamTime.TryParse(wire, out var at) ? at : null;

    // vnp_OrderInfo: Vietnamese without diacritics and without special characters, at most 255.
    private static string OrderInfo(string description)
    {
        var plain = new string([.. VietnameseText.WithoutDiacritics(description).Select(c => char.IsAsciiLetterOrDigit(c) ? c : ' ')]);
        var text = string.Join(' ', plain.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return text.Length <= 255 ? text : text[..255];
    }
}
