using IntegrationHub.Adapters.Health;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace IntegrationHub.Hub.Metrics;

public static class MetricsServiceCollectionExtensions
{
    public static IServiceCollection AddHubMetrics(this IServiceCollection services)
    {
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("integration-hub"))
            .WithMetrics(metrics => metrics
                .AddMeter(HubMetrics.MeterName, AdapterActivity.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Npgsql")
                .AddPrometheusExporter());
        services.AddSingleton<HubMetrics>();
        return services;
    }

    /// <summary>Prometheus exposition at <c>/metrics</c>, by OpenTelemetry's exporter.</summary>
    public static WebApplication MapHubMetrics(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }
}
