namespace IntegrationHub.Adapters.Sms;

/// <summary>
/// One SMS brandname provider. A send either is accepted, is definitely not sent (refused, or the
/// provider is down), or is ambiguous (no answer after the text left): the caller must then ask the
/// provider (<see cref="ConfirmAsync"/>) before trying anyone else.
/// </summary>
public interface ISmsProvider
{
    string Name { get; }

    SmsProviderOptions Options { get; }

    /// <summary>Whether the provider can say, by the message's id, if it took a message.</summary>
    bool CanConfirm { get; }

    Task<SmsSendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// Whether a message whose send was ambiguous reached the provider, asked by the message's id
    /// (only when <see cref="CanConfirm"/>): Accepted if it did (or does now, exactly once), Ambiguous if
    /// the provider still cannot say.
    /// </summary>
    Task<SmsSendResult> ConfirmAsync(SmsMessage message, CancellationToken cancellationToken);

    /// <summary>Reads a delivery report the provider sent to the hub; null when it is not this provider's.</summary>
    SmsDeliveryReport? ReadReport(SmsReportCall call);

    /// <summary>Whether a message's delivery can be asked for by its provider id (<see cref="QueryReportAsync"/>).</summary>
    bool CanQueryReports { get; }

    /// <summary>The provider's word on a message it took, by the id it gave.</summary>
    /// <exception cref="SmsProviderException">The provider could not be asked, or does not know the message.</exception>
    Task<SmsDeliveryReport> QueryReportAsync(string providerMessageId, CancellationToken cancellationToken);

    /// <summary>The cheapest call that proves the provider answers and accepts the hub's account (a balance query).</summary>
    /// <exception cref="SmsProviderException">It does not.</exception>
    Task CheckAsync(CancellationToken cancellationToken);
}

/// <summary>A provider call other than a send failed; sends report their outcome instead (<see cref="SmsSendResult"/>).</summary>
public sealed class SmsProviderException(string message, Exception? inner = null) : Exception(message, inner);

/// <param name="Id">Deterministic per notice (dossier, event, version): the provider's dedup key where it has one.</param>
/// <param name="Phone">E.164.</param>
public sealed record SmsMessage(string Id, string Phone, string Text);

public enum SmsSendOutcome
{
    Accepted,
    /// <summary>The provider refused this message (template, brandname, number, account): another provider may take it.</summary>
    Rejected,
    /// <summary>The provider could not be reached or said it is unavailable: nothing was sent.</summary>
    Down,
    /// <summary>The text may have left (a timeout after sending): ask before sending again.</summary>
    Ambiguous,
}

public sealed record SmsSendResult(SmsSendOutcome Outcome, string? ProviderMessageId = null, string? Detail = null);

public enum SmsDeliveryState
{
    Delivered,
    Failed,
    Waiting,
}

/// <summary>A provider's call on the hub's report URL: its query (eSMS reports by GET) and its body (SpeedSMS posts JSON).</summary>
public sealed record SmsReportCall(IReadOnlyDictionary<string, string> Query, string Body);

public sealed record SmsDeliveryReport(string ProviderMessageId, SmsDeliveryState State, string Detail);
