using Quartz;

namespace IntegrationHub.Hub.PortalIntake;

/// <summary>Pulls the dossiers filed on DVCQG every <see cref="PortalIntakeOptions.PullInterval"/>, on one instance of the cluster at a time.</summary>
[DisallowConcurrentExecution]
public sealed class PortalIntakeJob(IServiceScopeFactory scopes, ILogger<PortalIntakeJob> logger) : IJob
{
    public static readonly JobKey Key = new("portal-intake", "national-portal");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<PortalIntakeRun>().PullAsync(cancellationToken);
        if (report.Taken + report.KeptAside + report.AgenciesFailed > 0)
        {
            logger.LogInformation("Portal intake: {Listed} listed, {Taken} taken, {Already} taken before, {Aside} kept aside, {Failed} agencies not answered",
                report.Listed, report.Taken, report.AlreadyTaken, report.KeptAside, report.AgenciesFailed);
        }
    }
}
