namespace IntegrationHub.Hub.Outbox;

/// <summary>
/// Reads the outbox backlog every few seconds, so that scrapes report it without each one querying
/// the database from inside a metrics callback.
/// </summary>
public sealed class OutboxBacklogMonitor(OutboxBacklog backlog, ILogger<OutboxBacklogMonitor> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    public IReadOnlyList<TargetBacklog> Latest { get; private set; } = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                Latest = await backlog.ReadAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not read the outbox backlog for metrics");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
