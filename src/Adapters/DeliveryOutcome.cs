namespace IntegrationHub.Adapters;

/// <summary>What became of one outbound delivery, in the terms the outbox acts on.</summary>
public sealed record DeliveryOutcome(DeliveryResult Result, string? Detail = null, string? TargetAnswer = null)
{
    public static DeliveryOutcome Delivered(string? targetAnswer = null) => new(DeliveryResult.Delivered, null, targetAnswer);

    /// <summary>A fault that may pass (timeout, 5xx, malformed body, open circuit): try again later.</summary>
    public static DeliveryOutcome Transient(string detail, string? targetAnswer = null) => new(DeliveryResult.TransientFailure, detail, targetAnswer);

    /// <summary>The target refused the content itself; sending it again cannot help.</summary>
    public static DeliveryOutcome Permanent(string detail, string? targetAnswer = null) => new(DeliveryResult.PermanentFailure, detail, targetAnswer);
}

public enum DeliveryResult
{
    Delivered,
    TransientFailure,
    PermanentFailure,
}
