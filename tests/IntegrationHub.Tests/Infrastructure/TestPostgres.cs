using Npgsql;

namespace IntegrationHub.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL cluster ./test.sh starts; each hub under test gets a database of its own, owned by
/// <see cref="OwnerRole"/> (who migrates it) and used by the hub as <see cref="RuntimeRole"/>, as in
/// production. The databases are copies of a template migrated once per run (CREATE DATABASE ... TEMPLATE),
/// so a hub's own migration at start finds nothing left to do. A test's own look at a database (and its
/// tampering) is the cluster administrator's.
/// </summary>
public static class TestPostgres
{
    public const string OwnerRole = "hub_owner";
    public const string RuntimeRole = "hub_runtime";

    private static readonly Lazy<Task<string>> Template = new(CreateTemplateAsync);

    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable("HUB_TEST_POSTGRES")
        ?? throw new InvalidOperationException("HUB_TEST_POSTGRES is not set: run the tests with ./test.sh, which starts a private PostgreSQL.");

    public static async Task<string> CreateDatabaseAsync() => await CreateAsync($"TEMPLATE {await Template.Value}");

    /// <summary>A database with the roles but no migration applied, as the runtime role: for a test that migrates it step by step.</summary>
    public static async Task<string> CreateEmptyDatabaseAsync()
    {
        await Template.Value; // the roles
        return await CreateAsync("");
    }

    private static async Task<string> CreateAsync(string template)
    {
        var name = "hub_" + Guid.NewGuid().ToString("N")[..16];
        await AdministerAsync($"CREATE DATABASE {name} {template} OWNER {OwnerRole}");
        return As(new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString, RuntimeRole);
    }

    /// <summary>The same database as the tables' owner, who runs migrations.</summary>
    public static string Owner(string connectionString) => As(connectionString, OwnerRole);

    /// <summary>The same database as the cluster's administrator (a superuser).</summary>
    public static string Administrator(string connectionString) => As(connectionString, new NpgsqlConnectionStringBuilder(AdminConnectionString).Username!);

    public static string As(string connectionString, string role) => new NpgsqlConnectionStringBuilder(connectionString) { Username = role }.ConnectionString;

    /// <returns>The name of a database with the roles' grants and every migration applied, for this run's databases to copy.</returns>
    private static async Task<string> CreateTemplateAsync()
    {
        foreach (var role in new[] { OwnerRole, RuntimeRole })
        {
            await AdministerAsync($"DO $$ BEGIN CREATE ROLE {role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
        }
        var name = "hub_template_" + Guid.NewGuid().ToString("N")[..8];
        await AdministerAsync($"CREATE DATABASE {name} OWNER {OwnerRole}");
        var template = new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
        await IntegrationHub.Hub.Persistence.PersistenceServiceCollectionExtensions.MigrateAsOwnerAsync(Owner(template), RuntimeRole);
        return name;
    }

    private static async Task AdministerAsync(string sql)
    {
        await using var connection = Unpooled(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = Unpooled(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = Unpooled(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>An open connection of the test's own to a hub's database.</summary>
    public static async Task<NpgsqlConnection> OpenAsync(string connectionString)
    {
        var connection = Unpooled(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    // A test's own look at a hub's database, as the administrator, must not leave idle pooled connections behind for every database of the run.
    private static NpgsqlConnection Unpooled(string connectionString) =>
        new(new NpgsqlConnectionStringBuilder(Administrator(connectionString)) { Pooling = false }.ConnectionString);
}
