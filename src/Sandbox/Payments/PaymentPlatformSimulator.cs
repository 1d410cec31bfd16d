using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrationHub.Adapters;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace IntegrationHub.Sandbox.Payments;

/// <summary>
/// The DVCQG payment platform, simulated: init checks MaXacThuc, the partner and the receipt (its
/// lines must add up to SoTien) and answers with the payment page; <see cref="PayAsync"/> (or
/// <c>POST /_sandbox/pay</c>) is the citizen paying, after which the platform POSTs its signed confirm
/// to the one-stop system, retrying until it is answered MaLoi 00; the status query answers from what
/// it knows (TrangThaiGD 1 paid, 3 pending, 4 failed). <see cref="LoseCallbacks"/> drops confirms.
/// </summary>
public sealed class PaymentPlatformSimulator : SimulatedSystem
{
    public const string InitPath = "/api/v1/payment/init";
    public const string QueryPath = "/api/v1/payment/status";
    public const string PagePath = "/thanh-toan";

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    private readonly PaymentPlatformSimulatorOptions _options;
    private readonly ConcurrentDictionary<string, Order> _orders = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _confirmAnswers = new();
    private long _transactionNumbers = 27_000_000;

    private PaymentPlatformSimulator(int port, PaymentPlatformSimulatorOptions options)
        : base(port)
    {
        _options = options;
        Map(InitPath, "POST", request => Task.FromResult(Init(request)));
        Map(QueryPath, "POST", request => Task.FromResult(Query(request)));
        Server.Given(Request.Create().WithPath(PagePath).UsingGet()).RespondWith(Response.Create().WithCallback(Page));
        Server.Given(Request.Create().WithPath("/_sandbox/pay").UsingPost()).RespondWith(Response.Create().WithCallback(PayRequestAsync));
    }

    /// <summary>Confirms are not sent (the one-stop system must reconcile with the status query).</summary>
    public bool LoseCallbacks { get; set; }

    /// <summary>The MaLoi of every confirm reply received, in order.</summary>
    public IReadOnlyList<string> ConfirmAnswers => [.. _confirmAnswers];

    public override IReadOnlyDictionary<string, string?> HubSettings(SandboxHub hub) => new Dictionary<string, string?>
    {
        ["Hub:Adapters:PaymentPlatform:ApiUrl"] = HubFacingUrl,
        ["Hub:Adapters:PaymentPlatform:PartnerCode"] = _options.PartnerCode,
        ["Hub:Adapters:PaymentPlatform:HashKey"] = _options.HashKey,
    };

    public static PaymentPlatformSimulator Start(PaymentPlatformSimulatorOptions options, int port = 0) =>
        new(port, options);

    /// <summary>The init message the platform accepted for a reference, as sent.</summary>
    public JsonObject? Initiated(string reference) => _orders.TryGetValue(reference, out var order) ? order.Init : null;

    /// <summary>The citizen pays (or the payment fails, with <paramref name="errorCode"/>); then the confirm goes out (unless lost).</summary>
    public async Task PayAsync(string reference, string errorCode = "00")
    {
        if (!_orders.TryGetValue(reference, out var order))
        {
            throw new InvalidOperationException($"no order {reference}");
        }
        order.ErrorCode = errorCode;
        order.TransactionNo = "PP" + Interlocked.Increment(ref _transactionNumbers).ToString(CultureInfo.InvariantCulture);
        order.PaidAt = VietnamTime.Format(DateTimeOffset.UtcNow);
        if (!LoseCallbacks)
        {
            var body = Confirm(order).ToJsonString();
            await CallbackRetries.SendAsync(async () => await SendConfirmAsync(body) == "00", _options.MaxConfirmCalls, _options.ConfirmRetryInterval);
        }
    }

    /// <summary>The signed confirm of a settled order, for tests that send it again or alter it.</summary>
    public JsonObject ConfirmMessage(string reference) => Confirm(_orders[reference]);

    /// <summary>Sends a confirm body as the platform would; the reply's MaLoi.</summary>
    public async Task<string> SendConfirmAsync(string body)
    {
        string code;
        try
        {
            using var response = await Http.PostAsync(_options.ConfirmUrl, new StringContent(body, Encoding.UTF8, "application/json"));
            var reply = JsonNode.Parse(await response.Content.ReadAsStringAsync()) as JsonObject;
            var sent = JsonNode.Parse(body) as JsonObject;
            code = reply is not null && (string?)reply["MaXacThuc"] == (string?)sent?["MaXacThuc"] && (string?)reply["ThoiGianGD"] == (string?)sent?["ThoiGianGD"]
                ? (string?)reply["MaLoi"] ?? "no MaLoi"
                : "a reply that does not echo the confirm's MaXacThuc and ThoiGianGD";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
        {
            code = "no answer";
        }
        _confirmAnswers.Enqueue(code);
        return code;
    }

    /// <summary>MaXacThuc of a message under a recipe, as the platform computes it.</summary>
    public string Sign(JsonObject message, string recipe) =>
        SimulatorSignatures.PlatformChecksum(_options.Checksum.Algorithm, recipe, message, _options.HashKey);

    private bool Verifies(JsonObject message, string recipe) =>
        SimulatorSignatures.Matches((string?)message["MaXacThuc"], Sign(message, recipe));

    /// <summary>Init messages that broke version 1.0.6 of the contract, in arrival order; the platform refused each.</summary>
    public IReadOnlyList<string> Violations => [.. _violations];

    private readonly ConcurrentQueue<string> _violations = new();

    private static readonly string[] ReceiptFields = ["MaDichVu", "MaDVC", "TenDVC", "MaTTHC", "TenTTHC", "MaDonVi", "TenDonVi", "MaHoSo", "NoiDungThanhToan", "HoTenNguoiNop"];

    // Version 1.0.6's fixed values and the receipt's names, as integrators send them.
    private static string? Version106Problem(JsonObject init) =>
        new (string Field, string Value)[] { ("PhienBan", "1.0.6"), ("LoaiHinhThanhToan", "PAY"), ("NgonNgu", "vi-VN"), ("MaTienTe", "VND") }
            .Where(f => (string?)init[f.Field] != f.Value)
            .Select(f => $"{f.Field}: phải là {f.Value}, nhận được {(string?)init[f.Field]}")
            .FirstOrDefault()
        ?? ReceiptFields.Where(f => string.IsNullOrEmpty((string?)init["ThongTinBienLai"]?[f])).Select(f => $"ThongTinBienLai.{f}: bắt buộc").FirstOrDefault();

    private IResponseMessage Init(IRequestMessage request)
    {
        if (Parse(request.Body) is not { } init || !Verifies(init, _options.Checksum.Init) || (string?)init["MaDoiTac"] != _options.PartnerCode)
        {
            return Answer("02", "Sai mã xác thực hoặc mã đối tác");
        }
        if (Version106Problem(init) is { } problem)
        {
            _violations.Enqueue(problem);
            return Answer("03", problem);
        }
        var reference = (string?)init["MaThamChieu"] ?? "";
        var lines = init["ThongTinBienLai"]?["PhiLePhi"] as JsonArray;
        if (reference.Length == 0 || !long.TryParse((string?)init["SoTien"], out var amount) || lines is null
            || lines.Sum(l => (long?)l?["SoTien"] ?? 0) != amount || string.IsNullOrEmpty((string?)init["ThongTinBienLai"]?["TKThuHuong"]))
        {
            return Answer("03", "Thông tin biên lai không hợp lệ");
        }
        _orders.GetOrAdd(reference, _ => new Order(reference, amount, (string?)init["ThongTinGiaoDich"] ?? "", init));
        return Answer("00", "Thành công", new JsonObject { ["UrlThanhToan"] = $"{Url}{PagePath}?MaThamChieu={Uri.EscapeDataString(reference)}" });
    }

    private IResponseMessage Page(IRequestMessage request)
    {
        var reference = request.Query is { } query && query.TryGetValue("MaThamChieu", out var values) ? values.ToString() ?? "" : "";
        return _orders.TryGetValue(reference, out var order)
            ? SimulatorResponses.Text(HttpStatusCode.OK, $"<html><body>Cổng thanh toán DVCQG: {reference}, {order.Amount} VND</body></html>")
            : SimulatorResponses.Text(HttpStatusCode.NotFound, "<html><body>Không tìm thấy giao dịch</body></html>");
    }

    private async Task<IResponseMessage> PayRequestAsync(IRequestMessage request)
    {
        var body = Parse(request.Body);
        var reference = (string?)body?["reference"] ?? "";
        if (!_orders.ContainsKey(reference))
        {
            return SimulatorResponses.Text(HttpStatusCode.NotFound, $"no order {reference}");
        }
        await PayAsync(reference, (string?)body?["errorCode"] ?? "00");
        return SimulatorResponses.RawJson(HttpStatusCode.OK, "{}");
    }

    private IResponseMessage Query(IRequestMessage request)
    {
        if (Parse(request.Body) is not { } query || !Verifies(query, _options.Checksum.Query) || (string?)query["MaDoiTac"] != _options.PartnerCode)
        {
            return Answer("02", "Sai mã xác thực hoặc mã đối tác");
        }
        if (!_orders.TryGetValue((string?)query["MaThamChieu"] ?? "", out var order))
        {
            return Answer("01", "Không tìm thấy giao dịch");
        }
        var status = Confirm(order);
        status["MaLoi"] = "00";
        status["TrangThaiGD"] = order.ErrorCode switch { null => "3", "00" => "1", _ => "4" };
        status["MaXacThuc"] = Sign(status, _options.Checksum.Confirm);
        return SimulatorResponses.RawJson(HttpStatusCode.OK, status.ToJsonString());
    }

    private JsonObject Confirm(Order order)
    {
        var message = new JsonObject
        {
            ["LoaiBanTin"] = _options.MessageTypes.Confirm,
            ["MaLoi"] = order.ErrorCode ?? "",
            ["MaDoiTac"] = _options.PartnerCode,
            ["MaThamChieu"] = order.Reference,
            ["SoTien"] = order.Amount.ToString(CultureInfo.InvariantCulture),
            ["MaTienTe"] = "VND",
            ["MaGiaoDich"] = order.TransactionNo ?? "",
            ["MaNganHang"] = "NAPAS",
            ["ThoiGianGD"] = order.PaidAt ?? "",
            ["ThongTinGiaoDich"] = order.Description,
            ["MaHoSo"] = (string?)order.Init["ThongTinBienLai"]?["MaHoSo"],
        };
        message["MaXacThuc"] = Sign(message, _options.Checksum.Confirm);
        return message;
    }

    private static JsonObject? Parse(string? body)
    {
        try
        {
            return JsonNode.Parse(body ?? "") as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IResponseMessage Answer(string code, string text, JsonObject? more = null)
    {
        var answer = new JsonObject { ["MaLoi"] = code, ["MoTaLoi"] = text };
        foreach (var (name, value) in more ?? [])
        {
            answer[name] = value?.DeepClone();
        }
        return SimulatorResponses.RawJson(HttpStatusCode.OK, answer.ToJsonString());
    }

    private sealed class Order(string reference, long amount, string description, JsonObject init)
    {
        public string Reference { get; } = reference;
        public long Amount { get; } = amount;
        public string Description { get; } = description;
        public JsonObject Init { get; } = init;
        public string? ErrorCode { get; set; }
        public string? TransactionNo { get; set; }
        public string? PaidAt { get; set; }
    }
}
