using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using WireMock;

namespace IntegrationHub.Sandbox.Sms;

/// <summary>
/// SpeedSMS.vn's JSON API, simulated as its public client library and samples show it: HTTP Basic with the
/// access token and "x"; sms/send takes <c>{to: [..≤100], content, sms_type, sender}</c> of one SMS (160 ASCII or
/// 70 Unicode characters) and answers <c>{status, code, data: {tranId, totalSMS, totalPrice, invalidPhone}}</c>;
/// sms/status/&lt;tranId&gt; answers each number's status; the delivery report is POSTed as
/// <c>{type: "report", tranId, phone, status}</c> (0: delivered) to the URL registered with the account.
/// Error codes are the simulator's own: SpeedSMS publishes none.
/// </summary>
public sealed class SpeedSmsSimulator : SmsSimulator
{
    public const string SendPath = "/index.php/sms/send";
    public const string StatusPath = "/sms/status/";
    public const string UserInfoPath = "/index.php/user/info";

    private readonly ConcurrentDictionary<string, (string Phone, int Status)> _transactions = new(StringComparer.Ordinal);
    private int _lastTranId = 100_000;

    private SpeedSmsSimulator(int port, SmsSimulatorOptions options)
        : base(port, options)
    {
        Map(SendPath, "POST", SendAsync);
        Map(StatusPath + "*", "GET", Status);
        Map(UserInfoPath, "GET", UserInfo);
    }

    public static SpeedSmsSimulator Start(SmsSimulatorOptions options, int port = 0) => new(port, options);

    public override IReadOnlyDictionary<string, string?> HubSettings(SandboxHub hub) => new Dictionary<string, string?>
    {
        ["Hub:Adapters:Sms:SpeedSms:BaseUrl"] = HubFacingUrl,
        ["Hub:Adapters:Sms:SpeedSms:AccessToken"] = Options.Secret,
        ["Hub:Adapters:Sms:SpeedSms:Brandname"] = Options.Brandname,
        ["Hub:Adapters:Sms:SpeedSms:Priority"] = Options.Priority.ToString(CultureInfo.InvariantCulture),
        ["Hub:Notices:ReportSecret"] = hub.ReportSecret,
    };

    private async Task<IResponseMessage> SendAsync(IRequestMessage request)
    {
        if (!Authorized(request))
        {
            return Error("007", "access token không hợp lệ");
        }
        var body = JsonNode.Parse(request.Body ?? "{}") as JsonObject ?? [];
        var content = body["content"] is JsonValue c && c.TryGetValue<string>(out var text) ? text : "";
        var sender = body["sender"] is JsonValue s && s.TryGetValue<string>(out var name) ? name : "";
        if (body["to"] is not JsonArray to || to.Count is 0 or > 100 || to.Any(n => n is not JsonValue v || !v.TryGetValue<string>(out _)))
        {
            return Error("100", "to: a list of 1 to 100 phone numbers is required");
        }
        if (content.Length == 0 || (content.All(char.IsAscii) ? content.Length > 160 : content.Length > 70))
        {
            return Error("101", "content: one SMS of at most 160 ASCII or 70 Unicode characters is required");
        }
        if (body["sms_type"] is not JsonValue type || !type.TryGetValue<int>(out var smsType) || smsType != 3 || sender != Options.Brandname)
        {
            return Error("102", $"sms_type 3 with the registered brandname {Options.Brandname} as sender is required");
        }
        if (RejectWith is { } code)
        {
            return Error(code, "từ chối (giả lập)");
        }
        var phones = to.Select(n => (string)n!).ToList();
        var invalid = phones.Where(p => !(p.Length == 11 && p.StartsWith("84", StringComparison.Ordinal) || p.Length == 10 && p[0] == '0') || !p.All(char.IsAsciiDigit)).ToList();
        if (invalid.Count == phones.Count)
        {
            return SimulatorResponses.Json(HttpStatusCode.OK, new { status = "error", code = "103", message = "no valid phone number", invalidPhone = invalid });
        }
        var tranId = Interlocked.Increment(ref _lastTranId).ToString(CultureInfo.InvariantCulture);
        var status = DeliveryFails ? 1 : 0;
        foreach (var phone in phones.Except(invalid))
        {
            Take(new SentSms(tranId, phone, content, !content.All(char.IsAscii)));
            _transactions[tranId] = (phone, status);
            if (Options.ReportUrl is { } url)
            {
                var report = JsonSerializer.Serialize(new { type = "report", tranId = long.Parse(tranId, CultureInfo.InvariantCulture), phone, status });
                Report(() => new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(report, Encoding.UTF8, "application/json") });
            }
        }
        await Task.Delay(AnswerDelay);
        return SimulatorResponses.Json(HttpStatusCode.OK, new
        {
            status = "success", code = "00",
            data = new { tranId = long.Parse(tranId, CultureInfo.InvariantCulture), totalSMS = phones.Count - invalid.Count, totalPrice = 250 * (phones.Count - invalid.Count), invalidPhone = invalid },
        });
    }

    private IResponseMessage Status(IRequestMessage request)
    {
        if (!Authorized(request))
        {
            return Error("007", "access token không hợp lệ");
        }
        var tranId = request.Path[StatusPath.Length..];
        return _transactions.TryGetValue(tranId, out var sent)
            ? SimulatorResponses.Json(HttpStatusCode.OK, new { status = "success", code = "00", data = new[] { new { phone = sent.Phone, status = sent.Status } } })
            : Error("104", $"tranId {tranId} not found");
    }

    private IResponseMessage UserInfo(IRequestMessage request) => Authorized(request)
        ? SimulatorResponses.Json(HttpStatusCode.OK, new { status = "success", code = "00", data = new { email = "sandbox@speedsms.example", balance = 150000, currency = "VND" } })
        : Error("007", "access token không hợp lệ");

    private bool Authorized(IRequestMessage request) =>
        request.Headers is { } headers && headers.TryGetValue("Authorization", out var values)
        && values.ToString() == "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Options.Secret}:x"));

    private static IResponseMessage Error(string code, string message) =>
        SimulatorResponses.Json(HttpStatusCode.OK, new { status = "error", code, message, invalidPhone = Array.Empty<string>() });
}
