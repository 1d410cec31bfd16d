using Quartz;

namespace IntegrationHub.Hub.Registries;

/// <summary>Deletes registry answers older than the freshness window, so that personal data is kept no longer than it is used.</summary>
[DisallowConcurrentExecution]
public sealed class RegistryCachePurgeJob(RegistryCache cache, ILogger<RegistryCachePurgeJob> logger) : IJob
{
    public static readonly JobKey Key = new("registry-cache-purge", "registries");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var purged = await cache.PurgeStaleAsync(cancellationToken);
        if (purged > 0)
        {
            logger.LogInformation("Purged {Count} stale registry answers from the cache", purged);
        }
    }
}
