using Npgsql;

namespace IntegrationHub.Hub.Outbox;

/// <summary>
/// What else must happen when deliveries are recorded (an event log, a stream): its statement runs in the same
/// transaction as the outcomes, so both commit or neither, and it may ask for something to run once that
/// transaction has committed (waking its readers). The outbox knows nothing of what observers do.
/// </summary>
public interface IDeliveryObserver
{
    /// <returns>The statement to run with the outcomes', and what to run after the commit; null for nothing.</returns>
    ObserverStatement? Recording(IReadOnlyList<(PendingDelivery Delivery, DeliveryRecord Record)> outcomes);
}

/// <summary>An observer's statement, and what to run once it has committed, given how many rows it wrote.</summary>
public sealed record ObserverStatement(NpgsqlBatchCommand Command, Action<int> AfterCommit);
