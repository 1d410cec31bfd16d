using Npgsql;
using Quartz;

namespace IntegrationHub.Hub.Outbox;

/// <summary>
/// Releases changes left queued behind no undelivered change of their dossier. The recording of a delivery releases
/// the changes behind it; a delivery recorded some other way (a hub of an older version during an upgrade, an
/// operator's hand in the table) would leave them out of every claim for ever. Once a minute on one instance; a
/// look-up of each queued change's line, nothing when none is queued.
/// </summary>
[DisallowConcurrentExecution]
public sealed class StrandedChangesJob(NpgsqlDataSource dataSource, OutboxSignal signal, ILogger<StrandedChangesJob> logger) : IJob
{
    public static readonly JobKey Key = new("stranded-changes", "outbox");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (await OutboxClaims.ReleaseStrandedAsync(connection, cancellationToken) is var released and > 0)
        {
            logger.LogWarning("Released {Count} changes queued behind no undelivered change; their deliveries were recorded around the hub", released);
            signal.Notify();
        }
    }
}
