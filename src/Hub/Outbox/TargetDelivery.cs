namespace IntegrationHub.Hub.Outbox;

/// <summary>How far a dossier's changes have reached one target.</summary>
public sealed record TargetDelivery(
    string Target,
    OutboxStatus State,
    int DeliveredVersion,
    int PendingCount,
    string? LastError,
    DateTimeOffset? LastAttemptAt)
{
    /// <param name="rows">One dossier's outbox rows in id order.</param>
    public static IReadOnlyList<TargetDelivery> Summarize(IEnumerable<DeliveryRow> rows) =>
        [.. rows.GroupBy(r => r.Target).Select(Summarize)];

    private static TargetDelivery Summarize(IGrouping<string, DeliveryRow> rows)
    {
        var firstOpen = rows.FirstOrDefault(r => r.Status != OutboxStatus.Delivered);
        var deliveredVersion = firstOpen is null
            ? rows.Max(r => r.DossierVersion)
            : rows.Where(r => r.DossierVersion < firstOpen.DossierVersion).Select(r => r.DossierVersion).DefaultIfEmpty(0).Max();
        var deadLetter = rows.FirstOrDefault(r => r.Status == OutboxStatus.DeadLettered);
        return new TargetDelivery(
            rows.Key,
            deadLetter is not null ? OutboxStatus.DeadLettered : firstOpen is not null ? OutboxStatus.Pending : OutboxStatus.Delivered,
            deliveredVersion,
            rows.Count(r => r.Status == OutboxStatus.Pending),
            (deadLetter ?? firstOpen)?.LastError,
            rows.Max(r => r.LastAttemptAt));
    }
}

public sealed record DeliveryRow(string Target, int DossierVersion, OutboxStatus Status, string? LastError, DateTimeOffset? LastAttemptAt);
