using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace IntegrationHub.Hub.Health;

public static class HealthEndpointExtensions
{
    /// <summary>Liveness and readiness for orchestrators: HTTP <c>/health/live</c>, <c>/health/ready</c>, and <c>grpc.health.v1</c>.</summary>
    public static IServiceCollection AddHubHealth(this IServiceCollection services)
    {
        services.AddGrpcHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }

    public static WebApplication MapHubHealth(this WebApplication app)
    {
        // Live: the process answers. Ready: it can also reach its database.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready");
        app.MapGrpcHealthChecksService();
        return app;
    }
}
