using Npgsql;

namespace IntegrationHub.Tests.Infrastructure;

/// <summary>The PostgreSQL cluster ./test.sh starts; each hub under test gets a database of its own.</summary>
public static class TestPostgres
{
    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable("HUB_TEST_POSTGRES")
        ?? throw new InvalidOperationException("HUB_TEST_POSTGRES is not set: run the tests with ./test.sh, which starts a private PostgreSQL.");

    public static async Task<string> CreateDatabaseAsync()
    {
        var name = "hub_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
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

    // A test's own look at a hub's database must not leave idle pooled connections behind for every database of the run.
    private static NpgsqlConnection Unpooled(string connectionString) =>
        new(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
}
