using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace IntegrationHub.Hub.Health;

/// <summary>Ready means the database answers: without it the hub can accept nothing.</summary>
public sealed class DatabaseHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (NpgsqlException e)
        {
            return HealthCheckResult.Unhealthy("database unreachable", e);
        }
    }
}
