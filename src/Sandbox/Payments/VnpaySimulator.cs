using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrationHub.Adapters;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace IntegrationHub.Sandbox.Payments;

/// <summary>
/// VNPAY (API 2.1.0), simulated: the payment page checks the merchant's signature and remembers the
/// order; <see cref="PayAsync"/> (or <c>POST /_sandbox/pay</c>) is the citizen paying, after which the
/// simulator signs and sends the IPN to the merchant, retrying as VNPAY does until it is answered 00
/// or 02; querydr answers from what it knows. <see cref="LoseCallbacks"/> drops IPNs, as a lost
/// network path would.
/// </summary>
public sealed class VnpaySimulator : SimulatedSystem
{
    public const string PayPath = "/paymentv2/vpcpay.html";
    public const string ApiPath = "/merchant_webapi/api/transaction";

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    private readonly VnpaySimulatorOptions _options;
    private readonly ConcurrentDictionary<string, Order> _orders = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _ipnAnswers = new();
    private long _transactionNumbers = 14_000_000;

    private VnpaySimulator(int port, VnpaySimulatorOptions options)
        : base(port)
    {
        _options = options;
        Server.Given(Request.Create().WithPath(PayPath).UsingGet()).RespondWith(Response.Create().WithCallback(PaymentPage));
        Map(ApiPath, "POST", request => Task.FromResult(Transaction(request)));
        Server.Given(Request.Create().WithPath("/_sandbox/pay").UsingPost()).RespondWith(Response.Create().WithCallback(PayRequestAsync));
    }

    public string PayUrl => Url + PayPath;

    /// <summary>The pay page is the citizen's browser's (<see cref="SimulatedSystem.Url"/>); the API is the hub's.</summary>
    public override IReadOnlyDictionary<string, string?> HubSettings(SandboxHub hub) => new Dictionary<string, string?>
    {
        ["Hub:Adapters:Vnpay:PayUrl"] = PayUrl,
        ["Hub:Adapters:Vnpay:ApiUrl"] = HubFacingUrl,
        ["Hub:Adapters:Vnpay:TmnCode"] = _options.TmnCode,
        ["Hub:Adapters:Vnpay:HashSecret"] = _options.HashSecret,
        ["Hub:Adapters:Vnpay:ReturnUrl"] = "https://dichvucong.example.gov.vn/thanh-toan/ket-qua",
    };

    /// <summary>IPNs are not sent (the merchant must reconcile with querydr).</summary>
    public bool LoseCallbacks { get; set; }

    /// <summary>The RspCode of every IPN answer received, in order.</summary>
    public IReadOnlyList<string> IpnAnswers => [.. _ipnAnswers];

    public static VnpaySimulator Start(VnpaySimulatorOptions options, int port = 0) =>
        new(port, options);

    /// <summary>Whether the citizen has opened the payment page of this reference.</summary>
    public bool Knows(string reference) => _orders.ContainsKey(reference);

    /// <summary>The citizen pays (<c>00</c>) or fails with another vnp_ResponseCode; then the IPN goes out (unless lost).</summary>
    public async Task PayAsync(string reference, string responseCode = "00")
    {
        if (!_orders.TryGetValue(reference, out var order))
        {
            throw new InvalidOperationException($"no order {reference}: open its payment page first");
        }
        order.ResponseCode = responseCode;
        order.TransactionNo = Interlocked.Increment(ref _transactionNumbers).ToString(CultureInfo.InvariantCulture);
        order.PayDate = VietnamTime.Format(DateTimeOffset.UtcNow);
        if (!LoseCallbacks)
        {
            await SendIpnAsync(order);
        }
    }

    /// <summary>The IPN of a paid order, once more, as VNPAY's retries can deliver it.</summary>
    public Task<string> ResendIpnAsync(string reference) => CallIpnAsync(Ipn(_orders[reference]));

    /// <summary>The signed IPN query string of an order, for tests that alter it.</summary>
    public string IpnQuery(string reference) => Ipn(_orders[reference]);

    private IResponseMessage PaymentPage(IRequestMessage request)
    {
        var fields = (request.Query ?? new Dictionary<string, WireMock.Types.WireMockList<string>>()).ToDictionary(q => q.Key, q => q.Value.ToString() ?? "", StringComparer.Ordinal);
        if (!SimulatorSignatures.Matches(fields.GetValueOrDefault("vnp_SecureHash"), SimulatorSignatures.VnpayQueryHash(fields, _options.HashSecret))
            || fields.GetValueOrDefault("vnp_TmnCode") != _options.TmnCode)
        {
            return SimulatorResponses.Text(HttpStatusCode.BadRequest, "<html><body>Sai chữ ký (invalid signature)</body></html>");
        }
        var reference = fields["vnp_TxnRef"];
        _orders.GetOrAdd(reference, _ => new Order(reference, fields["vnp_Amount"], fields["vnp_OrderInfo"]));
        return SimulatorResponses.Text(HttpStatusCode.OK, $"<html><body>Thanh toán {reference}: {long.Parse(fields["vnp_Amount"], CultureInfo.InvariantCulture) / 100} VND</body></html>");
    }

    private async Task<IResponseMessage> PayRequestAsync(IRequestMessage request)
    {
        var body = JsonNode.Parse(request.Body ?? "{}") as JsonObject;
        var reference = (string?)body?["txnRef"] ?? "";
        if (!_orders.ContainsKey(reference))
        {
            return SimulatorResponses.Text(HttpStatusCode.NotFound, $"no order {reference}");
        }
        await PayAsync(reference, (string?)body?["responseCode"] ?? "00");
        return SimulatorResponses.RawJson(HttpStatusCode.OK, "{}");
    }

    private Task SendIpnAsync(Order order)
    {
        var query = Ipn(order);
        return CallbackRetries.SendAsync(async () => await CallIpnAsync(query) is "00" or "02", _options.MaxIpnCalls, _options.IpnRetryInterval);
    }

    private async Task<string> CallIpnAsync(string query)
    {
        string code;
        try
        {
            using var response = await Http.GetAsync($"{_options.IpnUrl}?{query}");
            code = (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())?["RspCode"] ?? "no RspCode";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
        {
            code = "no answer";
        }
        _ipnAnswers.Enqueue(code);
        return code;
    }

    private string Ipn(Order order)
    {
        var fields = new Dictionary<string, string>
        {
        ["vnp_Amount"] = order.Amount,
        ["vnp_BankCode"] = "NCB",
        ["vnp_BankTranNo"] = "VNP" + order.TransactionNo,
        ["vnp_CardType"] = "ATM",
        ["vnp_OrderInfo"] = order.OrderInfo,
        ["vnp_PayDate"] = order.PayDate ?? "",
        ["vnp_ResponseCode"] = order.ResponseCode ?? "",
        ["vnp_TmnCode"] = _options.TmnCode,
        ["vnp_TransactionNo"] = order.TransactionNo ?? "",
        ["vnp_TransactionStatus"] = order.ResponseCode == "00" ? "00" : "02",
        ["vnp_TxnRef"] = order.Reference,
        };
        var query = string.Join("&", fields.Where(f => f.Value.Length > 0).Select(f => $"{f.Key}={Uri.EscapeDataString(f.Value)}"));
        return $"{query}&vnp_SecureHash={SimulatorSignatures.VnpayQueryHash(fields, _options.HashSecret)}";
    }

    private IResponseMessage Transaction(IRequestMessage request)
    {
        var body = JsonNode.Parse(request.Body ?? "{}") as JsonObject ?? [];
        return (string?)body["vnp_Command"] == "refund" ? Refund(body) : QueryDr(body);
    }

    // A full refund of a paid order, once: 94 for one asked before, 95 for an order not paid.
    private IResponseMessage Refund(JsonObject body)
    {
        string Field(string name) => (string?)body[name] ?? "";
        var expected = SimulatorSignatures.VnpayPipeHash(
            [Field("vnp_RequestId"), Field("vnp_Version"), Field("vnp_Command"), Field("vnp_TmnCode"), Field("vnp_TransactionType"), Field("vnp_TxnRef"),
             Field("vnp_Amount"), Field("vnp_TransactionNo"), Field("vnp_TransactionDate"), Field("vnp_CreateBy"), Field("vnp_CreateDate"), Field("vnp_IpAddr"),
             Field("vnp_OrderInfo")], _options.HashSecret);
        _orders.TryGetValue(Field("vnp_TxnRef"), out var order);
        var (code, message) = !SimulatorSignatures.Matches(Field("vnp_SecureHash"), expected) ? ("97", "Invalid Checksum")
            : order is null ? ("91", "Transaction not found")
            : order.ResponseCode != "00" || order.Amount != Field("vnp_Amount") ? ("95", "Transaction not successful, refund refused")
            : order.RefundNo is not null ? ("94", "Refund already requested")
            : ("00", "Refund success");
        if (code == "00")
        {
            order!.RefundNo = Interlocked.Increment(ref _transactionNumbers).ToString(CultureInfo.InvariantCulture);
        }
        var answer = new Dictionary<string, string?>
        {
            ["vnp_ResponseId"] = Guid.NewGuid().ToString("N"),
            ["vnp_Command"] = "refund",
            ["vnp_ResponseCode"] = code,
            ["vnp_Message"] = message,
            ["vnp_TmnCode"] = _options.TmnCode,
            ["vnp_TxnRef"] = Field("vnp_TxnRef"),
            ["vnp_Amount"] = Field("vnp_Amount"),
            ["vnp_BankCode"] = "NCB",
            ["vnp_PayDate"] = order?.PayDate,
            ["vnp_TransactionNo"] = code == "00" ? order!.RefundNo : null,
            ["vnp_TransactionType"] = "02",
            ["vnp_TransactionStatus"] = code == "00" ? "05" : null,
            ["vnp_OrderInfo"] = Field("vnp_OrderInfo"),
        };
        answer["vnp_SecureHash"] = SimulatorSignatures.VnpayPipeHash(answer.Values, _options.HashSecret);
        return SimulatorResponses.RawJson(HttpStatusCode.OK, JsonSerializer.Serialize(answer));
    }

    private IResponseMessage QueryDr(JsonObject body)
    {
        string Field(string name) => (string?)body[name] ?? "";
        var expected = SimulatorSignatures.VnpayPipeHash(
            [Field("vnp_RequestId"), Field("vnp_Version"), Field("vnp_Command"), Field("vnp_TmnCode"), Field("vnp_TxnRef"),
             Field("vnp_TransactionDate"), Field("vnp_CreateDate"), Field("vnp_IpAddr"), Field("vnp_OrderInfo")], _options.HashSecret);
        var (code, message, order) = !SimulatorSignatures.Matches(Field("vnp_SecureHash"), expected)
            ? ("97", "Invalid Checksum", null)
            : _orders.TryGetValue(Field("vnp_TxnRef"), out var known) ? ("00", "QueryDR Success", known) : ("91", "Transaction not found", (Order?)null);
        var answer = new Dictionary<string, string?>
        {
            ["vnp_ResponseId"] = Guid.NewGuid().ToString("N"),
            ["vnp_Command"] = "querydr",
            ["vnp_ResponseCode"] = code,
            ["vnp_Message"] = message,
            ["vnp_TmnCode"] = _options.TmnCode,
            ["vnp_TxnRef"] = Field("vnp_TxnRef"),
            ["vnp_Amount"] = order?.Amount,
            ["vnp_BankCode"] = order is null ? null : "NCB",
            ["vnp_PayDate"] = order?.PayDate,
            ["vnp_TransactionNo"] = order?.TransactionNo,
            ["vnp_TransactionType"] = order is null ? null : "01",
            ["vnp_TransactionStatus"] = order is null ? null : order.ResponseCode switch { null => "01", "00" => "00", _ => "02" },
            ["vnp_OrderInfo"] = order?.OrderInfo,
            ["vnp_PromotionCode"] = null,
            ["vnp_PromotionAmount"] = null,
        };
        answer["vnp_SecureHash"] = SimulatorSignatures.VnpayPipeHash(answer.Values, _options.HashSecret);
        return SimulatorResponses.RawJson(HttpStatusCode.OK, JsonSerializer.Serialize(answer));
    }

    private sealed class Order(string reference, string amount, string orderInfo)
    {
        public string Reference { get; } = reference;
        /// <summary>×100, as on the wire.</summary>
        public string Amount { get; } = amount;
        public string OrderInfo { get; } = orderInfo;
        public string? ResponseCode { get; set; }
        public string? TransactionNo { get; set; }
        public string? PayDate { get; set; }
        public string? RefundNo { get; set; }
    }
}
