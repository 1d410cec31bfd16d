namespace IntegrationHub.Adapters;

/// <summary>What became of one outbound delivery, in the terms the outbox acts on.</summary>
/// <param name="InDoubt">
/// A transient failure after which the target may nevertheless hold the change (the call was sent and
/// its answer lost: a timeout, a reset, a 5xx other than 503). The next attempt must find out before
/// sending again, or the change could take effect twice.
/// </param>
/// <param name="Unanswered">
/// In doubt, and the target itself never answered (a timeout, a reset, a gateway's 502 or 504): the call may still be on
/// its way through the target, so a look-up now could miss a change about to take effect. An answer of the target's own
/// (a 500) means its work on the call is over: a look-up tells the truth at once.
/// </param>
public sealed record DeliveryOutcome(DeliveryResult Result, string? Detail = null, string? TargetAnswer = null, bool InDoubt = false, bool Unanswered = false)
{
    public static DeliveryOutcome Delivered(string? targetAnswer = null) => new(DeliveryResult.Delivered, null, targetAnswer);

    /// <summary>A fault that may pass (timeout, 5xx, malformed body, open circuit): try again later.</summary>
    public static DeliveryOutcome Transient(string detail, string? targetAnswer = null, bool inDoubt = false, bool unanswered = false) =>
        new(DeliveryResult.TransientFailure, detail, targetAnswer, inDoubt, inDoubt && unanswered);

    /// <summary>The target refused the content itself; sending it again cannot help.</summary>
    public static DeliveryOutcome Permanent(string detail, string? targetAnswer = null) => new(DeliveryResult.PermanentFailure, detail, targetAnswer);
}

public enum DeliveryResult
{
    Delivered,
    TransientFailure,
    PermanentFailure,
}
