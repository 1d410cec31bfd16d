using Npgsql;

namespace IntegrationHub.Hub.Audit;

/// <summary>Where the chain first fails: the entry's position and id, and what is wrong with it.</summary>
public sealed record BrokenLink(long Position, long? Id, string Problem);

/// <param name="Checked">Entries whose hash and link were recomputed.</param>
/// <param name="SealsChecked">Seals whose signature and hash were checked.</param>
/// <param name="Unchained">Entries written but not linked yet (they are checked once linked).</param>
public sealed record ChainReport(long Checked, long SealsChecked, long Unchained, BrokenLink? FirstBroken);

/// <summary>
/// Recomputes the exchange log's hash chain over a time range (all of it by default): every position
/// present, every entry's hash over its content, every link to the entry before, and every seal's
/// signature over the hash it sealed. Reports the first broken link.
/// </summary>
public sealed class ExchangeLogVerifier(NpgsqlDataSource dataSource, SealKey key)
{
    private const int PageSize = 5000;

    public async Task<ChainReport> VerifyAsync(DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken)
    {
        var (first, last) = await RangeAsync(from, to, cancellationToken);
        var unchained = await ScalarAsync("SELECT count(*) FROM exchange_log WHERE position IS NULL", cancellationToken);
        if (first is null || last is null)
        {
            return new ChainReport(0, 0, unchained, null);
        }
        var expected = first.Value == 1 ? ExchangeEntry.Genesis : await HashAtAsync(first.Value - 1, cancellationToken);
        var (position, checkedCount) = (first.Value, 0L);
        while (position <= last.Value)
        {
            var page = await PageAsync(position, Math.Min(last.Value, position + PageSize - 1), cancellationToken);
            foreach (var entry in page)
            {
                if (entry.Position != position)
                {
                    return new ChainReport(checkedCount, 0, unchained, new BrokenLink(position, null, $"position {position} is missing"));
                }
                if (expected is not null && entry.PrevHash != expected)
                {
                    return new ChainReport(checkedCount, 0, unchained, new BrokenLink(position, entry.Id, $"prev_hash does not match the hash of position {position - 1}"));
                }
                if (entry.Hash != entry.ComputeHash(position, entry.PrevHash ?? ""))
                {
                    return new ChainReport(checkedCount, 0, unchained, new BrokenLink(position, entry.Id, "hash does not match the entry's content"));
                }
                (expected, position, checkedCount) = (entry.Hash, position + 1, checkedCount + 1);
            }
            if (page.Count == 0)
            {
                return new ChainReport(checkedCount, 0, unchained, new BrokenLink(position, null, $"position {position} is missing"));
            }
        }
        var (sealsChecked, brokenSeal) = await VerifySealsAsync(first.Value, last.Value, cancellationToken);
        return new ChainReport(checkedCount, sealsChecked, unchained, brokenSeal);
    }

    /// <summary>One dossier's exchanges, in chain order (unchained ones last).</summary>
    public async Task<IReadOnlyList<ExchangeEntry>> ForDossierAsync(string dossierCode, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT {ExchangeEntry.Columns} FROM exchange_log
            WHERE dossier_code = $1 OR dossier_ids && ARRAY(SELECT id FROM dossiers WHERE code = $1)
            ORDER BY position NULLS LAST, id
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = dossierCode });
        return await ExchangeEntry.ReadAllAsync(command, cancellationToken);
    }

    private async Task<(long Sealed, BrokenLink? Broken)> VerifySealsAsync(long first, long last, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT s.position, s.hash, s.key_id, s.signature, e.hash FROM exchange_log_seals s LEFT JOIN exchange_log e ON e.position = s.position
            WHERE s.position BETWEEN $1 AND $2 ORDER BY s.position
            """);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = first });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = last });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var count = 0L;
        while (await reader.ReadAsync(cancellationToken))
        {
            var (position, hash, keyId, signature) = (reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3));
            if (keyId != key.Id)
            {
                // Sealed with another key (a rotated one): the hub holds only its current key.
                continue;
            }
            if (!key.Verify(SealKey.Sealed(position, hash), signature))
            {
                return (count, new BrokenLink(position, null, "the seal's signature does not verify"));
            }
            if (reader.IsDBNull(4) || reader.GetString(4) != hash)
            {
                return (count, new BrokenLink(position, null, "the entry differs from the hash its seal signed"));
            }
            count++;
        }
        return (count, null);
    }

    private async Task<(long? First, long? Last)> RangeAsync(DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT min(position), max(position) FROM exchange_log
            WHERE position IS NOT NULL AND ($1::timestamptz IS NULL OR recorded_at >= $1) AND ($2::timestamptz IS NULL OR recorded_at < $2)
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)from ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)to ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.IsDBNull(0) ? null : reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetInt64(1));
    }

    /// <returns>Null when the entry before the range is missing (the range's first link is then not checked against it).</returns>
    private async Task<string?> HashAtAsync(long position, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT hash FROM exchange_log WHERE position = $1");
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = position });
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    private async Task<List<ExchangeEntry>> PageAsync(long first, long last, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {ExchangeEntry.Columns} FROM exchange_log WHERE position BETWEEN $1 AND $2 ORDER BY position");
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = first });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = last });
        return await ExchangeEntry.ReadAllAsync(command, cancellationToken);
    }

    private async Task<long> ScalarAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
