using Npgsql;

namespace IntegrationHub.Hub.Outbox;

/// <summary>
/// What else must happen when deliveries are recorded (an event log, a stream): it writes in the same
/// transaction as the outcomes, so both commit or neither, and may ask for something to run once that
/// transaction has committed (waking its readers). The outbox knows nothing of what observers do.
/// </summary>
public interface IDeliveryObserver
{
    /// <returns>What to run after the commit; null for nothing.</returns>
    Task<Action?> RecordingAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<(PendingDelivery Delivery, DeliveryRecord Record)> outcomes,
        CancellationToken cancellationToken);
}
