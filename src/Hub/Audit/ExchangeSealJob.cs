using Npgsql;
using Quartz;

namespace IntegrationHub.Hub.Audit;

/// <summary>
/// Signs the head of the exchange-log chain (its position and hash) with the hub's key, when it has moved
/// since the last seal; has the signature timestamped by the TSA when one is configured; writes the seal
/// to the anchor file, then to the database. A seal the TSA cannot stamp now is made at the next run.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ExchangeSealJob(NpgsqlDataSource dataSource, SealKey key, TimestampAuthority authority, SealAnchorFile anchors, TimeProvider clock) : IJob
{
    public static readonly JobKey Key = new("exchange-seal", "audit");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        long position;
        string hash;
        await using (var head = dataSource.CreateCommand("""
            SELECT head.position, head.hash
            FROM (SELECT position, hash FROM exchange_log_links ORDER BY position DESC LIMIT 1) head
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
        var seal = new Seal(position, hash, clock.GetUtcNow(), key.Id, key.Sign(SealKey.Sealed(position, hash)), null);
        if (authority.Configured)
        {
            seal = seal with { Timestamp = await authority.StampAsync(seal.Stamped, cancellationToken) };
        }
        await anchors.AppendAsync(seal, cancellationToken);
        await using var insert = dataSource.CreateCommand(
            "INSERT INTO exchange_log_seals (position, hash, sealed_at, key_id, signature, timestamp_token) VALUES ($1, $2, $3, $4, $5, $6)");
        insert.Parameters.Add(new NpgsqlParameter<long> { TypedValue = seal.Position });
        insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = seal.Hash });
        insert.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = seal.SealedAt });
        insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = seal.KeyId });
        insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = seal.Signature });
        insert.Parameters.Add(new NpgsqlParameter { Value = (object?)seal.Timestamp ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bytea });
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }
}
