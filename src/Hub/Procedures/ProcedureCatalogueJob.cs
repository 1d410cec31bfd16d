using IntegrationHub.Adapters.NationalPortal;
using Quartz;

namespace IntegrationHub.Hub.Procedures;

/// <summary>Refreshes the kept catalogue from the portal every <see cref="ProcedureOptions.RefreshInterval"/>, on one instance.</summary>
[DisallowConcurrentExecution]
public sealed class ProcedureCatalogueJob(IServiceScopeFactory scopes, ILogger<ProcedureCatalogueJob> logger) : IJob
{
    public static readonly JobKey Key = new("procedure-catalogue", "national-portal");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            var kept = await scope.ServiceProvider.GetRequiredService<ProcedureCatalogue>().RefreshAsync(cancellationToken);
            logger.LogInformation("Procedure catalogue refreshed from the national portal: {Count} procedures", kept);
        }
        catch (PortalFaultException e)
        {
            logger.LogWarning("The procedure catalogue could not be refreshed; the next run tries again: {Fault}", e.Message);
        }
    }
}
