using Npgsql;

namespace IntegrationHub.Hub.Registries;

/// <summary>
/// Every read of a registry's data, kept in PostgreSQL with the full identifier for operators, and
/// written to the hub's log with the identifier masked.
/// </summary>
public sealed class RegistryAccessLog(NpgsqlDataSource dataSource, TimeProvider clock, ILogger<RegistryAccessLog> logger)
{
    public const int MaxPageSize = 500;

    public async Task RecordAsync(
        string registry, string identifier, RegistryAccessContext context, RegistryAccessResult result, bool fromCache, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO registry_access_log (accessed_at, registry, identifier, client_id, purpose, dossier_code, kind, result, from_cache)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            """);
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = clock.GetUtcNow() });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = registry });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = identifier });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = context.ClientId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = context.Purpose });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)context.DossierCode ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = (int)context.Kind });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = (int)result });
        command.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = fromCache });
        // The access must be on record even when the caller has given up waiting.
        await command.ExecuteNonQueryAsync(CancellationToken.None);
        logger.LogInformation(
            "Registry {Registry} {Kind} of {Identifier} by {Client} for {Purpose} (dossier {Dossier}): {Result}{Cache}",
            registry, context.Kind, IdentifierMask.Mask(identifier), context.ClientId, context.Purpose, context.DossierCode ?? "-", result,
            fromCache ? " from the hub's cache" : "");
    }

    public async Task<IReadOnlyList<RegistryAccess>> ListAsync(RegistryAccessFilter filter, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT id, accessed_at, registry, identifier, client_id, purpose, dossier_code, kind, result, from_cache
            FROM registry_access_log
            WHERE ($1::text IS NULL OR identifier = $1)
              AND ($2::text[] IS NULL OR client_id = ANY ($2))
              AND ($3::timestamptz IS NULL OR accessed_at >= $3)
              AND ($4::timestamptz IS NULL OR accessed_at < $4)
              AND ($5::bigint IS NULL OR id < $5)
            ORDER BY id DESC
            LIMIT $6
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)filter.Identifier ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)filter.ClientIds?.ToArray() ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)filter.From ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)filter.To ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)filter.BeforeId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = filter.PageSize });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var found = new List<RegistryAccess>();
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(new RegistryAccess(
                reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6), (RegistryAccessKind)reader.GetInt32(7),
                (RegistryAccessResult)reader.GetInt32(8), reader.GetBoolean(9)));
        }
        return found;
    }
}
