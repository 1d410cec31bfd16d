using IntegrationHub.Adapters;
using IntegrationHub.Adapters.Sms;
using IntegrationHub.Adapters.Text;

namespace IntegrationHub.Hub.Notices;

/// <summary>
/// Sends one notice through the providers in priority order. The next provider is tried only after a
/// definite refusal or a provider that is down; a send that may have left is first confirmed with the
/// provider it went to. The notice is recorded before each call, so a crash between sending and
/// recording ends in a confirmation, not a second SMS.
/// </summary>
public sealed class SmsSender(IEnumerable<ISmsProvider> providers, NoticeLog log, ILogger<SmsSender> logger) : INoticeSender<SmsNotice>
{
    private readonly IReadOnlyList<ISmsProvider> _providers = [.. providers.OrderBy(p => p.Options.Priority)];

    public async Task<DeliveryOutcome> SendAsync(SmsNotice notice, CancellationToken cancellationToken)
    {
        if (VietnamMobileNumber.Normalize(notice.Phone) is not { } phone)
        {
            await log.RecordAsync(notice, notice.Phone, NoticeStatus.Undeliverable, null, null, "not a Vietnamese mobile number", 0, cancellationToken);
            return DeliveryOutcome.Delivered("undeliverable: not a Vietnamese mobile number");
        }
        if (_providers.Count == 0)
        {
            return DeliveryOutcome.Transient("no SMS provider is configured");
        }
        var message = new SmsMessage(notice.Id, phone, notice.Text);
        var earlier = await log.FindAsync(notice.Id, cancellationToken);
        if (earlier is { Status: not NoticeStatus.Sending })
        {
            return DeliveryOutcome.Delivered($"already {earlier.Status}");
        }
        // A notice left "sending" (the hub stopped, or a confirmation failed) resumes with its provider.
        var start = earlier?.Provider is { } name ? Math.Max(0, _providers.ToList().FindIndex(p => p.Name == name)) : 0;
        var resuming = earlier?.Provider is not null;
        var anyDown = false;
        for (var i = start; i < _providers.Count; i++, resuming = false)
        {
            var provider = _providers[i];
            var segments = Segments(provider, notice.Text);
            var confirming = resuming;
            SmsSendResult result;
            if (!resuming)
            {
                await log.RecordAsync(notice, phone, NoticeStatus.Sending, provider.Name, null, null, segments, cancellationToken);
                result = await provider.SendAsync(message, cancellationToken);
                confirming = result.Outcome == SmsSendOutcome.Ambiguous && provider.CanConfirm;
            }
            else
            {
                result = new SmsSendResult(SmsSendOutcome.Ambiguous, Detail: "the hub stopped before the provider's answer was recorded");
            }
            if (confirming && provider.CanConfirm)
            {
                result = await provider.ConfirmAsync(message, cancellationToken);
            }
            switch (result.Outcome)
            {
                case SmsSendOutcome.Accepted:
                    await log.RecordAsync(notice, phone, NoticeStatus.Sent, provider.Name, result.ProviderMessageId, result.Detail, segments, cancellationToken);
                    return DeliveryOutcome.Delivered($"sent by {provider.Name}");
                case SmsSendOutcome.Ambiguous when !provider.CanConfirm:
                    await log.RecordAsync(notice, phone, NoticeStatus.Unconfirmed, provider.Name, null, result.Detail, segments, cancellationToken);
                    return DeliveryOutcome.Delivered($"unconfirmed at {provider.Name}: {result.Detail}");
                case SmsSendOutcome.Ambiguous:
                case SmsSendOutcome.Down when confirming:
                    // Whether it left is still unknown: it stays "sending", and the next attempt asks again.
                    return DeliveryOutcome.Transient($"{provider.Name} has not confirmed the notice: {result.Detail}");
                default:
                    anyDown |= result.Outcome == SmsSendOutcome.Down;
                    logger.LogWarning("SMS notice {Notice} not taken by {Provider} ({Outcome}: {Detail}); trying the next provider", notice.Id, provider.Name, result.Outcome, result.Detail);
                    break;
            }
        }
        return await log.NoneTookAsync(notice, phone, anyDown, _providers[^1].Name, Segments(_providers[^1], notice.Text), cancellationToken);
    }

    private static int Segments(ISmsProvider provider, string text) =>
        SmsSegments.Of(provider.Options.WithoutDiacritics ? VietnameseText.WithoutDiacritics(text) : text).Count;
}
