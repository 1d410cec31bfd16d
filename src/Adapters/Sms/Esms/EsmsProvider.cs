using System.Text.Json;
using IntegrationHub.Adapters.Http;
using IntegrationHub.Adapters.Text;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Adapters.Sms.Esms;

/// <summary>
/// eSMS.vn's JSON API. The notice's id travels as RequestId, which eSMS deduplicates (CodeResult 124),
/// so an ambiguous send is confirmed by sending it again: 124 means the first one was taken.
/// </summary>
public sealed class EsmsProvider(IEsmsApi api, IOptions<EsmsOptions> options) : ISmsProvider
{
    public const string ProviderName = "esms";

    public string Name => ProviderName;

    public SmsProviderOptions Options => options.Value;

    public bool CanConfirm => true;

    public async Task<SmsSendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var text = settings.WithoutDiacritics ? VietnameseText.WithoutDiacritics(message.Text) : message.Text;
        var body = new EsmsSend(
            settings.ApiKey, settings.SecretKey, VietnamMobileNumber.National(message.Phone), text, settings.Brandname, settings.SmsType,
            SmsSegments.Of(text).Encoding == SmsEncoding.Gsm7 ? "0" : "1", message.Id, settings.CallbackUrl);
        SmsSendResult? failure = null;
        var answer = await SmsTransport.SendAsync(() => api.SendAsync(settings.SendPath, body, cancellationToken), f => failure = f, cancellationToken);
        if (answer is not { } reply)
        {
            return failure!;
        }
        EsmsAnswer? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize<EsmsAnswer>(reply.Body);
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            parsed = null;
        }
        return parsed?.CodeResult switch
        {
            "100" => new SmsSendResult(SmsSendOutcome.Accepted, parsed.SMSID),
            // The same RequestId was accepted before: this text has been taken once already.
            "124" => new SmsSendResult(SmsSendOutcome.Accepted, Detail: "accepted earlier (duplicate RequestId)"),
            null => new SmsSendResult(SmsSendOutcome.Ambiguous, Detail: "an answer that is not eSMS's JSON"),
            var code => new SmsSendResult(SmsSendOutcome.Rejected, Detail: $"CodeResult {code}: {parsed.ErrorMessage}"),
        };
    }

    public Task<SmsSendResult> ConfirmAsync(SmsMessage message, CancellationToken cancellationToken) => SendAsync(message, cancellationToken);

    public SmsDeliveryReport? ReadReport(SmsReportCall call) =>
        call.Query.TryGetValue("SMSID", out var id) && call.Query.TryGetValue("SendStatus", out var status)
            ? Report(id, status, call.Query.GetValueOrDefault("SendFailed"))
            : null;

    public bool CanQueryReports => true;

    public async Task<SmsDeliveryReport> QueryReportAsync(string providerMessageId, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var answer = await ExchangeAsync(() => api.StatusAsync(settings.StatusPath, providerMessageId, settings.ApiKey, settings.SecretKey, cancellationToken), cancellationToken);
        return JsonFields.Text(answer, "CodeResponse") == "100"
            ? Report(providerMessageId, JsonFields.Text(answer, "SendStatus"), JsonFields.Text(answer, "SendFailed"))
            : throw new SmsProviderException($"GetSendStatus answered CodeResponse {JsonFields.Text(answer, "CodeResponse")}");
    }

    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var answer = await ExchangeAsync(() => api.BalanceAsync(settings.BalancePath, new EsmsAccount(settings.ApiKey, settings.SecretKey), cancellationToken), cancellationToken);
        if (JsonFields.Text(answer, "CodeResponse") != "100")
        {
            throw new SmsProviderException($"GetBalance answered CodeResponse {JsonFields.Text(answer, "CodeResponse")}: {JsonFields.Text(answer, "ErrorMessage")}");
        }
    }

    // SendStatus: 5 sent to the telco, 4 refused, 1/2/7 still on the way; SendFailed counts receivers it did not reach.
    private static SmsDeliveryReport Report(string id, string status, string? failed) => new(
        id,
        (status, failed) switch
        {
            ("4", _) => SmsDeliveryState.Failed,
            ("5", "0" or "" or null) => SmsDeliveryState.Delivered,
            ("5", _) => SmsDeliveryState.Failed,
            _ => SmsDeliveryState.Waiting,
        },
        $"SendStatus {status}");

    private static Task<JsonElement> ExchangeAsync(Func<Task<HttpResponseMessage>> send, CancellationToken cancellationToken) =>
        HttpFaults.ExchangeJsonAsync(send, (message, inner) => new SmsProviderException(message, inner), "eSMS", cancellationToken);
}
