using System.Text.Json;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace IntegrationHub.Hub.Registries;

/// <summary>
/// Registry answers kept in PostgreSQL, one per registry and identifier, reused while younger than
/// <see cref="RegistryReuseOptions.Freshness"/> and deleted once older. Only answers that found
/// someone are kept.
/// </summary>
public sealed class RegistryCache(NpgsqlDataSource dataSource, IOptions<RegistryReuseOptions> options, TimeProvider clock)
{
    public sealed record Entry<T>(T Record, DateTimeOffset FetchedAt);

    public async Task<Entry<T>?> FindAsync<T>(string registry, string identifier, CancellationToken cancellationToken) where T : class
    {
        await using var command = dataSource.CreateCommand(
            "SELECT record, fetched_at FROM registry_cache WHERE registry = $1 AND identifier = $2 AND fetched_at > $3");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = registry });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = identifier });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = FreshSince() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        var record = JsonSerializer.Deserialize<T>(reader.GetString(0), JsonSerializerOptions.Web);
        return record is null ? null : new Entry<T>(record, reader.GetFieldValue<DateTimeOffset>(1));
    }

    public async Task StoreAsync<T>(string registry, string identifier, T record, DateTimeOffset fetchedAt, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO registry_cache (registry, identifier, record, fetched_at) VALUES ($1, $2, $3, $4)
            ON CONFLICT (registry, identifier) DO UPDATE SET record = excluded.record, fetched_at = excluded.fetched_at
            WHERE registry_cache.fetched_at < excluded.fetched_at
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = registry });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = identifier });
        command.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(record, JsonSerializerOptions.Web), NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = fetchedAt });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <returns>How many stale answers were deleted.</returns>
    public async Task<int> PurgeStaleAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM registry_cache WHERE fetched_at <= $1");
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = FreshSince() });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private DateTimeOffset FreshSince() => clock.GetUtcNow() - options.Value.Freshness;
}
