using System.Text.Json;
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
        catch (JsonException)
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

    public SmsDeliveryReport? ReadReport(IReadOnlyDictionary<string, string> query)
    {
        if (!query.TryGetValue("SMSID", out var id) || !query.TryGetValue("SendStatus", out var status))
        {
            return null;
        }
        // SendStatus: 5 sent, 4 rejected, 1/2/7 still on the way.
        var state = status switch
        {
            "5" => SmsDeliveryState.Delivered,
            "4" => SmsDeliveryState.Failed,
            _ => SmsDeliveryState.Waiting,
        };
        return new SmsDeliveryReport(id, state, $"SendStatus {status}");
    }
}
