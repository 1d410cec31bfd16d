using Npgsql;

namespace IntegrationHub.Hub.Jobs;

/// <summary>
/// Closes the scheduler's idle database connections once the hub has stopped: Quartz opens them
/// through Npgsql's process-wide pool, which would otherwise keep them for minutes after the hub is gone.
/// </summary>
public sealed class QuartzPoolRelease(IHostApplicationLifetime lifetime, IConfiguration configuration) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStopped.Register(() =>
        {
            using var connection = new NpgsqlConnection(JobsServiceCollectionExtensions.QuartzConnectionString(configuration));
            NpgsqlConnection.ClearPool(connection);
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
