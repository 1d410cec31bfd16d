using Microsoft.Extensions.Options;
using Quartz;

namespace IntegrationHub.Hub.Admin;

/// <summary>Checks every adapter on the schedule of <see cref="HealthOptions.CheckInterval"/> and keeps the results.</summary>
[DisallowConcurrentExecution]
public sealed class AdapterCheckJob(AdapterHealthChecker checker, AdapterCheckHistory history, IOptions<HealthOptions> options) : IJob
{
    public static readonly JobKey Key = new("adapter-checks", "operations");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var reports = await checker.CheckAsync([], cancellationToken);
        await history.RecordAsync(reports, options.Value.HistoryRetention, cancellationToken);
    }
}
