using System.Text;
using System.Text.Json;
using IntegrationHub.Adapters.Http;
using IntegrationHub.Adapters.Text;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Adapters.Sms.SpeedSms;

/// <summary>
/// SpeedSMS.vn's JSON API. It takes no id of the sender's, so an ambiguous send cannot be confirmed
/// (<see cref="CanConfirm"/> is false); a taken message's transaction id (tranId) is asked about, and
/// SpeedSMS posts its delivery report, <c>{type, tranId, phone, status}</c> with 0 for delivered, to the hub.
/// </summary>
public sealed class SpeedSmsProvider(ISpeedSmsApi api, IOptions<SpeedSmsOptions> options) : ISmsProvider
{
    public const string ProviderName = "speedsms";

    public string Name => ProviderName;

    public SmsProviderOptions Options => options.Value;

    public bool CanConfirm => false;

    public async Task<SmsSendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var text = settings.WithoutDiacritics ? VietnameseText.WithoutDiacritics(message.Text) : message.Text;
        if (SmsSegments.Of(text).Count > settings.MaxSegments)
        {
            return new SmsSendResult(SmsSendOutcome.Rejected, Detail: $"longer than {settings.MaxSegments} SMS, the most SpeedSMS takes in one message");
        }
        var phone = VietnamMobileNumber.International(message.Phone);
        var body = new SpeedSmsSend([phone], text, settings.SmsType, settings.Brandname);
        SmsSendResult? failure = null;
        var answer = await SmsTransport.SendAsync(() => api.SendAsync(settings.SendPath, body, Credentials, cancellationToken), f => failure = f, cancellationToken);
        if (answer is not { } reply)
        {
            return failure!;
        }
        var parsed = JsonFields.Parse(reply.Body);
        var data = parsed.ValueKind == JsonValueKind.Object && parsed.TryGetProperty("data", out var d) ? d : default;
        return JsonFields.Text(parsed, "status") switch
        {
            "success" when InvalidPhones(data).Contains(phone) => new SmsSendResult(SmsSendOutcome.Rejected, Detail: "the number is invalid for SpeedSMS"),
            "success" when JsonFields.Text(data, "tranId") is { Length: > 0 } tranId => new SmsSendResult(SmsSendOutcome.Accepted, tranId),
            "error" => new SmsSendResult(SmsSendOutcome.Rejected, Detail: $"code {JsonFields.Text(parsed, "code")}: {JsonFields.Text(parsed, "message")}"),
            _ => new SmsSendResult(SmsSendOutcome.Ambiguous, Detail: "an answer that is not SpeedSMS's JSON"),
        };
    }

    public Task<SmsSendResult> ConfirmAsync(SmsMessage message, CancellationToken cancellationToken) =>
        throw new NotSupportedException("SpeedSMS takes no id of the hub's to ask by");

    public SmsDeliveryReport? ReadReport(SmsReportCall call)
    {
        var report = JsonFields.Parse(call.Body);
        return JsonFields.Text(report, "type") == "report" && JsonFields.Text(report, "tranId") is { Length: > 0 } tranId
            && int.TryParse(JsonFields.Text(report, "status"), out var status)
            // A pushed report is the telco's final word: anything but 0 did not arrive.
            ? new SmsDeliveryReport(tranId, status == 0 ? SmsDeliveryState.Delivered : SmsDeliveryState.Failed, $"status {status}")
            : null;
    }

    public bool CanQueryReports => true;

    public async Task<SmsDeliveryReport> QueryReportAsync(string providerMessageId, CancellationToken cancellationToken)
    {
        var answer = await ExchangeAsync(() => api.StatusAsync(options.Value.StatusPath, providerMessageId, Credentials, cancellationToken), cancellationToken);
        if (JsonFields.Text(answer, "status") != "success" || !answer.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array
            || data.GetArrayLength() == 0)
        {
            throw new SmsProviderException($"sms/status answered {JsonFields.Text(answer, "code")}: {JsonFields.Text(answer, "message")}");
        }
        var status = JsonFields.Text(data[0], "status");
        // Public material names only 0 (delivered); until SpeedSMS says more, any other status is still waiting, not failed.
        return new SmsDeliveryReport(providerMessageId, status == "0" ? SmsDeliveryState.Delivered : SmsDeliveryState.Waiting, $"status {status}");
    }

    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        var answer = await ExchangeAsync(() => api.UserInfoAsync(options.Value.UserInfoPath, Credentials, cancellationToken), cancellationToken);
        if (JsonFields.Text(answer, "status") != "success")
        {
            throw new SmsProviderException($"user/info answered {JsonFields.Text(answer, "code")}: {JsonFields.Text(answer, "message")}");
        }
    }

    // HTTP Basic with the access token as the user and "x" as the password.
    private string Credentials => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.Value.AccessToken}:x"));

    private static HashSet<string> InvalidPhones(JsonElement data) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty("invalidPhone", out var invalid) && invalid.ValueKind == JsonValueKind.Array
            ? [.. invalid.EnumerateArray().Select(p => p.ToString())]
            : [];

    private static Task<JsonElement> ExchangeAsync(Func<Task<HttpResponseMessage>> send, CancellationToken cancellationToken) =>
        HttpFaults.ExchangeJsonAsync(send, (message, inner) => new SmsProviderException(message, inner), "SpeedSMS", cancellationToken);
}
