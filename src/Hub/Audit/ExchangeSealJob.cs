using Npgsql;
using Quartz;

namespace IntegrationHub.Hub.Audit;

/// <summary>Signs the head of the exchange-log chain (its position and hash) with the hub's key, when it has moved since the last seal.</summary>
[DisallowConcurrentExecution]
public sealed class ExchangeSealJob(NpgsqlDataSource dataSource, SealKey key, TimeProvider clock) : IJob
{
    public static readonly JobKey Key = new("exchange-seal", "audit");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        long position;
        string hash;
        await using (var head = dataSource.CreateCommand("""
            SELECT head.position, head.hash
            FROM (SELECT position, hash FROM exchange_log WHERE position IS NOT NULL ORDER BY position DESC LIMIT 1) head
            WHERE NOT EXISTS (SELECT 1 FROM exchange_log_seals s WHERE s.position = head.position)
            """))
        await using (var reader = await head.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return;
            }
            (position, hash) = (reader.GetInt64(0), reader.GetString(1));
        }
        await using var seal = dataSource.CreateCommand(
            "INSERT INTO exchange_log_seals (position, hash, sealed_at, key_id, signature) VALUES ($1, $2, $3, $4, $5)");
        seal.Parameters.Add(new NpgsqlParameter<long> { TypedValue = position });
        seal.Parameters.Add(new NpgsqlParameter<string> { TypedValue = hash });
        seal.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = clock.GetUtcNow() });
        seal.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key.Id });
        seal.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key.Sign(SealKey.Sealed(position, hash)) });
        await seal.ExecuteNonQueryAsync(cancellationToken);
    }
}
