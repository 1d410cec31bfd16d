using IntegrationHub.Hub.Admin;
using IntegrationHub.Hub.Audit;
using IntegrationHub.Hub.Deadlines;
using IntegrationHub.Hub.Events;
using IntegrationHub.Hub.Api;
using IntegrationHub.Hub.Health;
using IntegrationHub.Hub.Jobs;
using IntegrationHub.Hub.Logging;
using IntegrationHub.Hub.Metrics;
using IntegrationHub.Hub.NationalPortal;
using IntegrationHub.Hub.Notices;
using IntegrationHub.Hub.Outbox;
using IntegrationHub.Hub.Payments;
using IntegrationHub.Hub.Persistence;
using IntegrationHub.Hub.PortalCalls;
using IntegrationHub.Hub.PortalIntake;
using IntegrationHub.Hub.Procedures;
using IntegrationHub.Hub.Registries;
using IntegrationHub.Hub.Security;
using IntegrationHub.Hub.Workflow;

namespace IntegrationHub.Hub;

/// <summary>Composes the hub; used by <c>Program</c> and by tests that host it on loopback.</summary>
public static class HubApplication
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        SampleSecrets.EnsureNoneOutsideSandbox(builder.Configuration, builder.Environment);
        builder.Services
            .AddHubPersistence(builder.Configuration)
            .AddExchangeLog(builder.Configuration)
            .AddAgencyAuthentication(builder.Configuration)
            .AddDossiers()
            .AddOutbox(builder.Configuration)
            .AddNationalPortalDelivery(builder.Configuration)
            .AddRegistryReuse(builder.Configuration)
            .AddPayments(builder.Configuration)
            .AddPortalCalls(builder.Configuration)
            .AddPortalIntake(builder.Configuration)
            .AddProcedureCatalogue(builder.Configuration)
            .AddNotices(builder.Configuration)
            .AddHubGrpc(builder.Configuration)
            .AddAdmin(builder.Configuration)
            .AddHubHealth()
            .AddHubMetrics()
            .AddDeadlines(builder.Configuration)
            .AddHubJobs(builder.Configuration)
            .AddDossierEvents(builder.Configuration)
            .MaskPersonalDataInLogs();

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHubGrpc();
        app.MapHubHealth();
        app.MapHubMetrics();
        // National systems' and providers' calls on the hub, each kept in the exchange log.
        var callbacks = app.MapGroup("").AddEndpointFilter<CallbackRecordingFilter>();
        callbacks.MapPaymentCallbacks();
        callbacks.MapSmsReports();
        callbacks.MapPortalCalls();
        return app;
    }
}
