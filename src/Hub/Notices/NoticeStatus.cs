namespace IntegrationHub.Hub.Notices;

/// <summary>The numbers are the wire's <c>NoticeState</c>.</summary>
public enum NoticeStatus
{
    /// <summary>Handed to a provider; whether it took it is not known yet (or the hub stopped before recording it).</summary>
    Sending = 1,
    /// <summary>A provider accepted it.</summary>
    Sent = 2,
    /// <summary>The send timed out at a provider that cannot be asked; not sent again, to avoid a second SMS.</summary>
    Unconfirmed = 3,
    Delivered = 4,
    /// <summary>Every provider refused it, or the delivery report says it failed.</summary>
    Failed = 5,
    /// <summary>The phone number is not a Vietnamese mobile number.</summary>
    Undeliverable = 6,
}
