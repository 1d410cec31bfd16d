using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using WireMock;

namespace IntegrationHub.Sandbox.Sms;

/// <summary>
/// An SMS brandname provider, simulated: eSMS.vn's JSON API (RequestId deduplicated with CodeResult
/// 124, delivery reports sent to the CallbackUrl and answered by GetSendStatus, GetBalance_json) or
/// Viettel's SOAP API (wsCpMt, checkBalance). It records every SMS it takes; <see cref="RejectWith"/>
/// refuses every message with a provider code, <see cref="AnswerDelay"/> answers only after taking the
/// message, as a provider whose answer times out, and <see cref="LoseReports"/> sends no delivery reports.
/// </summary>
public sealed class SmsSimulator : SimulatedSystem
{
    public const string EsmsPath = "/MainService.svc/json/SendMultipleMessage_V4_post_json/";
    public const string EsmsStatusPath = "/MainService.svc/json/GetSendStatus";
    public const string EsmsBalancePath = "/MainService.svc/json/GetBalance_json";
    public const string ViettelPath = "/bulkapi";

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private static readonly XNamespace Soap = "http://schemas.xmlsoap.org/soap/envelope/";

    private readonly SmsSimulatorOptions _options;
    private readonly ConcurrentQueue<SentSms> _sent = new();
    private readonly ConcurrentDictionary<string, string> _requestIds = new(StringComparer.Ordinal);
    // eSMS SendStatus by SMSID: 2 waiting, then the delivery outcome.
    private readonly ConcurrentDictionary<string, string> _statuses = new(StringComparer.Ordinal);

    private SmsSimulator(int port, SmsSimulatorOptions options)
        : base(port)
    {
        _options = options;
    }


    /// <summary>Every SMS taken, in order.</summary>
    public IReadOnlyList<SentSms> Sent => [.. _sent];

    /// <summary>eSMS: a CodeResult (e.g. 146, wrong template); Viettel: an error message. Null: accept.</summary>
    public string? RejectWith { get; set; }

    /// <summary>How long to wait, after taking a message, before answering.</summary>
    public TimeSpan AnswerDelay { get; set; }

    /// <summary>eSMS: delivery reports are not called back (GetSendStatus still answers).</summary>
    public bool LoseReports { get; set; }

    /// <summary>eSMS: the SendStatus a taken message ends in (5 sent, 4 refused by the telco).</summary>
    public string DeliveryStatus { get; set; } = "5";

    public static SmsSimulator StartEsms(SmsSimulatorOptions options, int port = 0)
    {
        var simulator = new SmsSimulator(port, options);
        simulator.Map(EsmsPath, "POST", simulator.EsmsSendAsync);
        simulator.Map(EsmsStatusPath, "GET", request => Task.FromResult(simulator.EsmsStatus(request)));
        simulator.Map(EsmsBalancePath, "POST", request => Task.FromResult(simulator.EsmsBalance(request)));
        return simulator;
    }

    public static SmsSimulator StartViettel(SmsSimulatorOptions options, int port = 0)
    {
        var simulator = new SmsSimulator(port, options);
        simulator.Map(ViettelPath, "POST", simulator.ViettelCallAsync);
        return simulator;
    }


    private async Task<IResponseMessage> EsmsSendAsync(IRequestMessage request)
    {
        var body = JsonNode.Parse(request.Body ?? "{}") as JsonObject ?? [];
        string Field(string name) => (string?)body[name] ?? "";
        if (Field("ApiKey") != _options.Username || Field("SecretKey") != _options.Secret)
        {
            return Esms("101", null, "Sai ApiKey hoặc SecretKey");
        }
        if (RejectWith is { } code)
        {
            return Esms(code, null, "Từ chối (giả lập)");
        }
        var requestId = Field("RequestId");
        var smsId = Guid.NewGuid().ToString();
        if (requestId.Length > 0 && !_requestIds.TryAdd(requestId, smsId))
        {
            return Esms("124", null, "RequestId đã tồn tại");
        }
        _sent.Enqueue(new SentSms(requestId, Field("Phone"), Field("Content"), Field("IsUnicode") == "1"));
        _statuses[smsId] = DeliveryStatus;
        if (Field("CallbackUrl") is { Length: > 0 } callback && !LoseReports)
        {
            _ = ReportAsync(callback, smsId, requestId, Field("Phone"), DeliveryStatus);
        }
        await Task.Delay(AnswerDelay);
        return Esms("100", smsId, null);
    }

    private IResponseMessage EsmsStatus(IRequestMessage request)
    {
        string Query(string name) => request.Query is { } query && query.TryGetValue(name, out var values) ? values.ToString() ?? "" : "";
        if (Query("ApiKey") != _options.Username || Query("SecretKey") != _options.Secret || !_statuses.TryGetValue(Query("RefId"), out var status))
        {
            return SimulatorResponses.RawJson(HttpStatusCode.OK, JsonSerializer.Serialize(new Dictionary<string, object?> { ["CodeResponse"] = "101", ["SMSID"] = Query("RefId") }));
        }
        return SimulatorResponses.RawJson(HttpStatusCode.OK, JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["CodeResponse"] = "100", ["SMSID"] = Query("RefId"), ["SendFailed"] = status == "5" ? 0 : 1, ["SendStatus"] = int.Parse(status),
            ["SendSuccess"] = status == "5" ? 1 : 0, ["TotalPrice"] = 850.0, ["TotalReceiver"] = 1, ["TotalSent"] = 1,
        }));
    }

    private IResponseMessage EsmsBalance(IRequestMessage request)
    {
        var body = JsonNode.Parse(request.Body ?? "{}") as JsonObject ?? [];
        var valid = (string?)body["ApiKey"] == _options.Username && (string?)body["SecretKey"] == _options.Secret;
        return SimulatorResponses.RawJson(HttpStatusCode.OK, JsonSerializer.Serialize(valid
            ? new Dictionary<string, object?> { ["Balance"] = 36693, ["CodeResponse"] = "100", ["UserID"] = 9999 }
            : new Dictionary<string, object?> { ["Balance"] = 0, ["CodeResponse"] = "101", ["ErrorMessage"] = "Authorize Failed" }));
    }

    private async Task<IResponseMessage> ViettelCallAsync(IRequestMessage request)
    {
        XElement? call;
        try
        {
            call = XDocument.Parse(request.Body ?? "").Descendants().FirstOrDefault(e => e.Name.LocalName is "wsCpMt" or "checkBalance");
        }
        catch (System.Xml.XmlException)
        {
            call = null;
        }
        string Field(string name) => call?.Element(name)?.Value ?? "";
        if (call is null)
        {
            return SimulatorResponses.Text(HttpStatusCode.InternalServerError, "<soap:Fault>not a wsCpMt or checkBalance call</soap:Fault>");
        }
        if (Field("User") != _options.Username || Field("Password") != _options.Secret)
        {
            return Viettel("0", "Authenticate: WRONG_INFORMATION_AUTHENTICATE", call.Name.LocalName);
        }
        if (call.Name.LocalName == "checkBalance")
        {
            return Viettel("1", "150000", "checkBalance");
        }
        if (Field("UserID") != Field("ReceiverID"))
        {
            return Viettel("0", "UserID_NOT_EQUAL_ReceiverID");
        }
        if (RejectWith is { } message)
        {
            return Viettel("0", message);
        }
        _sent.Enqueue(new SentSms(Field("RequestID"), Field("ReceiverID"), Field("Content"), Field("ContentType") == "1"));
        await Task.Delay(AnswerDelay);
        return Viettel("1", "Insert MT_QUEUE: OK");
    }

    private static IResponseMessage Esms(string code, string? smsId, string? error) => SimulatorResponses.RawJson(HttpStatusCode.OK, JsonSerializer.Serialize(
        new Dictionary<string, object?> { ["CodeResult"] = code, ["CountRegenerate"] = 0, ["SMSID"] = smsId, ["ErrorMessage"] = error }));

    private static IResponseMessage Viettel(string result, string message, string operation = "wsCpMt") => SimulatorResponses.Xml(HttpStatusCode.OK, new XDocument(
        new XElement(Soap + "Envelope", new XAttribute(XNamespace.Xmlns + "S", Soap), new XElement(Soap + "Body",
            new XElement(XName.Get(operation + "Response", "http://impl.bulkSms.ws/"),
                new XElement("return", new XElement("result", result), new XElement("message", message)))))).ToString());

    // eSMS reports delivery with a GET to the CallbackUrl, retrying up to 5 times.
    private static async Task ReportAsync(string callback, string smsId, string requestId, string phone, string status)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(200));
        for (var attempt = 0; attempt < 5; attempt++)
        {
            try
            {
                using var response = await Http.GetAsync(
                    $"{callback}?SMSID={smsId}&SendStatus={status}&SendSuccess={(status == "5" ? 1 : 0)}&SendFailed={(status == "5" ? 0 : 1)}&TotalReceiver=1&TotalSent=1&RequestId={Uri.EscapeDataString(requestId)}&phonenumber={phone}");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // The hub did not answer; the next attempt tries again, as eSMS does.
            }
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }
}

/// <param name="RequestId">eSMS RequestId, or Viettel's numeric RequestID.</param>
public sealed record SentSms(string RequestId, string Phone, string Content, bool Unicode);
