using Microsoft.Extensions.Options;
using Quartz;

namespace IntegrationHub.Hub.NationalPortal;

/// <summary>Reconciles the dossiers changed in the last <see cref="PortalReconciliationOptions.LookBack"/>, every <see cref="PortalReconciliationOptions.Interval"/>, on one instance.</summary>
[DisallowConcurrentExecution]
public sealed class PortalReconciliationJob(IServiceScopeFactory scopes, IOptions<PortalReconciliationOptions> options, TimeProvider clock, ILogger<PortalReconciliationJob> logger) : IJob
{
    public static readonly JobKey Key = new("portal-reconciliation", "national-portal");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<PortalReconciliation>()
            .ReconcileAsync(clock.GetUtcNow() - options.Value.LookBack, dossierCode: null, cancellationToken);
        foreach (var difference in report.Differences)
        {
            logger.LogWarning("The national portal holds dossier {Code} differently ({Differences}); the hub's version is sent again",
                difference.DossierCode, string.Join("; ", difference.Differences));
        }
    }
}
