using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace IntegrationHub.Hub.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    /// <summary>PostgreSQL from <c>ConnectionStrings:Hub</c>: one data source shared by EF Core and the outbox's SQL.</summary>
    public static IServiceCollection AddHubPersistence(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Hub")
            ?? throw new InvalidOperationException("ConnectionStrings:Hub is not configured.");
        // Named, so that Npgsql's metrics label the pool "hub" rather than with the connection string.
        services.AddSingleton(_ => new NpgsqlDataSourceBuilder(Tuned(connectionString)) { Name = "hub" }.Build());
        services.AddDbContextPool<HubDbContext>((provider, options) => options
            .UseNpgsql(provider.GetRequiredService<NpgsqlDataSource>())
            // Migrations are written by hand (the EF design-time tool is not available to this
            // project), so there is no model snapshot for EF to compare the model with.
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning)));
        return services;
    }

    /// <summary>
    /// Defaults for the hub's own use of its connections, unless the connection string sets them: the
    /// hub never changes session state, so resetting it on every return to the pool is wasted work, and
    /// its handful of statements run thousands of times, so preparing them pays.
    /// </summary>
    private static string Tuned(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Reset On Close", StringComparison.OrdinalIgnoreCase))
        {
            builder.NoResetOnClose = true;
        }
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = 64;
        }
        return builder.ConnectionString;
    }

    /// <summary>Brings the schema up to date; safe to run from several instances at once (EF takes a migration lock).</summary>
    public static async Task MigrateHubDatabaseAsync(this IHost host, CancellationToken cancellationToken = default)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<HubDbContext>().Database.MigrateAsync(cancellationToken);
    }
}
