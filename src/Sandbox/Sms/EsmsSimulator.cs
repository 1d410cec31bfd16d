using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using WireMock;

namespace IntegrationHub.Sandbox.Sms;

/// <summary>
/// eSMS.vn's JSON API, simulated: RequestId deduplicated with CodeResult 124, delivery reports sent to the
/// message's CallbackUrl by GET and answered by GetSendStatus, GetBalance_json.
/// </summary>
public sealed class EsmsSimulator : SmsSimulator
{
    public const string SendPath = "/MainService.svc/json/SendMultipleMessage_V4_post_json/";
    public const string StatusPath = "/MainService.svc/json/GetSendStatus";
    public const string BalancePath = "/MainService.svc/json/GetBalance_json";

    private readonly ConcurrentDictionary<string, string> _requestIds = new(StringComparer.Ordinal);
    // SendStatus by SMSID: the delivery outcome (5 sent, 4 refused).
    private readonly ConcurrentDictionary<string, string> _statuses = new(StringComparer.Ordinal);

    private EsmsSimulator(int port, SmsSimulatorOptions options)
        : base(port, options)
    {
        Map(SendPath, "POST", SendAsync);
        Map(StatusPath, "GET", Status);
        Map(BalancePath, "POST", Balance);
    }

    public static EsmsSimulator Start(SmsSimulatorOptions options, int port = 0) => new(port, options);

    public override IReadOnlyDictionary<string, string?> HubSettings(SandboxHub hub) => new Dictionary<string, string?>
    {
        ["Hub:Adapters:Sms:Esms:BaseUrl"] = HubFacingUrl,
        ["Hub:Adapters:Sms:Esms:ApiKey"] = Options.Username,
        ["Hub:Adapters:Sms:Esms:SecretKey"] = Options.Secret,
        ["Hub:Adapters:Sms:Esms:Brandname"] = Options.Brandname,
        ["Hub:Adapters:Sms:Esms:Priority"] = Options.Priority.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Hub:Adapters:Sms:Esms:CallbackUrl"] = hub.SmsReportUrl("esms"),
        ["Hub:Notices:ReportSecret"] = hub.ReportSecret,
    };

    private async Task<IResponseMessage> SendAsync(IRequestMessage request)
    {
        var body = JsonNode.Parse(request.Body ?? "{}") as JsonObject ?? [];
        string Field(string name) => (string?)body[name] ?? "";
        if (Field("ApiKey") != Options.Username || Field("SecretKey") != Options.Secret)
        {
            return Answer("101", null, "Sai ApiKey hoặc SecretKey");
        }
        if (RejectWith is { } code)
        {
            return Answer(code, null, "Từ chối (giả lập)");
        }
        var requestId = Field("RequestId");
        var smsId = Guid.NewGuid().ToString();
        if (requestId.Length > 0 && !_requestIds.TryAdd(requestId, smsId))
        {
            return Answer("124", null, "RequestId đã tồn tại");
        }
        Take(new SentSms(requestId, Field("Phone"), Field("Content"), Field("IsUnicode") == "1"));
        var status = DeliveryFails ? "4" : "5";
        _statuses[smsId] = status;
        if (Field("CallbackUrl") is { Length: > 0 } callback)
        {
            Report(() => new HttpRequestMessage(HttpMethod.Get,
                $"{callback}?SMSID={smsId}&SendStatus={status}&SendSuccess={(status == "5" ? 1 : 0)}&SendFailed={(status == "5" ? 0 : 1)}&TotalReceiver=1&TotalSent=1&RequestId={Uri.EscapeDataString(requestId)}&phonenumber={Field("Phone")}"));
        }
        await Task.Delay(AnswerDelay);
        return Answer("100", smsId, null);
    }

    private IResponseMessage Status(IRequestMessage request)
    {
        string Query(string name) => request.Query is { } query && query.TryGetValue(name, out var values) ? values.ToString() ?? "" : "";
        if (Query("ApiKey") != Options.Username || Query("SecretKey") != Options.Secret || !_statuses.TryGetValue(Query("RefId"), out var status))
        {
            return SimulatorResponses.RawJson(HttpStatusCode.OK, JsonSerializer.Serialize(new Dictionary<string, object?> { ["CodeResponse"] = "101", ["SMSID"] = Query("RefId") }));
        }
        return SimulatorResponses.RawJson(HttpStatusCode.OK, JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["CodeResponse"] = "100", ["SMSID"] = Query("RefId"), ["SendFailed"] = status == "5" ? 0 : 1, ["SendStatus"] = int.Parse(status),
            ["SendSuccess"] = status == "5" ? 1 : 0, ["TotalPrice"] = 850.0, ["TotalReceiver"] = 1, ["TotalSent"] = 1,
        }));
    }

    private IResponseMessage Balance(IRequestMessage request)
    {
        var body = JsonNode.Parse(request.Body ?? "{}") as JsonObject ?? [];
        var valid = (string?)body["ApiKey"] == Options.Username && (string?)body["SecretKey"] == Options.Secret;
        return SimulatorResponses.RawJson(HttpStatusCode.OK, JsonSerializer.Serialize(valid
            ? new Dictionary<string, object?> { ["Balance"] = 36693, ["CodeResponse"] = "100", ["UserID"] = 9999 }
            : new Dictionary<string, object?> { ["Balance"] = 0, ["CodeResponse"] = "101", ["ErrorMessage"] = "Authorize Failed" }));
    }

    private static IResponseMessage Answer(string code, string? smsId, string? error) => SimulatorResponses.RawJson(HttpStatusCode.OK, JsonSerializer.Serialize(
        new Dictionary<string, object?> { ["CodeResult"] = code, ["CountRegenerate"] = 0, ["SMSID"] = smsId, ["ErrorMessage"] = error }));
}
