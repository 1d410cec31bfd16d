using IntegrationHub.Adapters.Configuration;
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
        services.AddValidatedOptions<CommitOptions>(configuration, CommitOptions.SectionName);
        services.AddSingleton<TableCopier>();
        services.AddHostedSingleton<CommitCoalescer>();
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

    /// <summary>
    /// Brings the schema up to date. With <c>ConnectionStrings:HubOwner</c> (the tables' owner), migrations
    /// run as the owner, who then grants the hub's own role (<c>ConnectionStrings:Hub</c>'s user) what
    /// <see cref="RuntimeRole"/> lists; without it, as the hub's role (a single-role database).
    /// </summary>
    public static async Task MigrateHubDatabaseAsync(this IHost host, CancellationToken cancellationToken = default)
    {
        var configuration = host.Services.GetRequiredService<IConfiguration>();
        if (configuration.GetConnectionString("HubOwner") is not { Length: > 0 } owner)
        {
            await using var scope = host.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<HubDbContext>().Database.MigrateAsync(cancellationToken);
            return;
        }
        var runtime = new NpgsqlConnectionStringBuilder(configuration.GetConnectionString("Hub")).Username
            ?? throw new InvalidOperationException("ConnectionStrings:Hub names no user to grant the runtime privileges to.");
        await MigrateAsOwnerAsync(owner, runtime, cancellationToken);
    }

    /// <summary>Migrates as the owner (<paramref name="owner"/>, a connection string) and grants <paramref name="runtimeRole"/> its privileges; leaves no connection open.</summary>
    public static async Task MigrateAsOwnerAsync(string owner, string runtimeRole, CancellationToken cancellationToken = default)
    {
        await using var ownerSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(owner) { Pooling = false }.ConnectionString);
        await using (var db = new HubDbContext(new DbContextOptionsBuilder<HubDbContext>().UseNpgsql(ownerSource)
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning)).Options))
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        await using var grant = ownerSource.CreateCommand(RuntimeRole.Grants(runtimeRole));
        await grant.ExecuteNonQueryAsync(cancellationToken);
    }
}
