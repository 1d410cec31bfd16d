using Npgsql;

namespace IntegrationHub.Hub.Audit;

/// <summary>Where the chain first fails: the entry's position and id, and what is wrong with it.</summary>
public sealed record BrokenLink(long Position, long? Id, string Problem);

/// <param name="Checked">Entries whose hash and link were recomputed.</param>
/// <param name="SealsChecked">Seals in the database whose key, signature, hash and timestamp were checked.</param>
/// <param name="AnchorsChecked">Seals in the anchor file found in the database as anchored.</param>
/// <param name="Unchained">Entries written but not linked yet (they are checked once linked).</param>
public sealed record ChainReport(long Checked, long SealsChecked, long AnchorsChecked, long Unchained, BrokenLink? FirstBroken);

/// <summary>
/// Recomputes the exchange log's hash chain over a time range (all of it by default): every position
/// present from the chain's start, every entry's hash over its content, every link to the entry before.
/// Then every seal, in the database and in the anchor file outside it: made by a known key, its signature
/// and timestamp valid, the entry it sealed unchanged and still there. Reports the first broken link.
/// </summary>
public sealed class ExchangeLogVerifier(NpgsqlDataSource dataSource, SealKey key, TimestampAuthority authority, SealAnchorFile anchors)
{
    private const int PageSize = 5000;

    public async Task<ChainReport> VerifyAsync(DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken)
    {
        var unchained = await ScalarAsync(
            "SELECT count(*) FROM exchange_log e WHERE NOT EXISTS (SELECT 1 FROM exchange_log_links l WHERE l.entry_id = e.id)", cancellationToken);
        var (start, head) = await RangeAsync(null, null, cancellationToken);
        if (start is not null && start != 1)
        {
            return new ChainReport(0, 0, 0, unchained, new BrokenLink(1, null, $"position 1, the start of the chain, is missing: entries before position {start} were removed"));
        }
        var (first, last) = from is null && to is null ? (start, head) : await RangeAsync(from, to, cancellationToken);
        var (checkedCount, broken) = first is null || last is null ? (0, null) : await VerifyLinksAsync(first.Value, last.Value, cancellationToken);
        if (broken is not null)
        {
            return new ChainReport(checkedCount, 0, 0, unchained, broken);
        }
        var seals = await SealsAsync(cancellationToken);
        var hashes = await HashesAsync(seals.Select(s => s.Position), cancellationToken);
        var (sealsChecked, brokenSeal) = VerifySeals(seals, hashes, head ?? 0);
        if (brokenSeal is not null)
        {
            return new ChainReport(checkedCount, sealsChecked, 0, unchained, brokenSeal);
        }
        var (anchorsChecked, brokenAnchor) = await VerifyAnchorsAsync(seals, head ?? 0, cancellationToken);
        return new ChainReport(checkedCount, sealsChecked, anchorsChecked, unchained, brokenAnchor);
    }

    private async Task<(long Checked, BrokenLink? Broken)> VerifyLinksAsync(long first, long last, CancellationToken cancellationToken)
    {
        var expected = first == 1 ? ExchangeEntry.Genesis : await HashAtAsync(first - 1, cancellationToken);
        if (expected is null)
        {
            return (0, new BrokenLink(first - 1, null, $"position {first - 1} is missing"));
        }
        var (position, checkedCount) = (first, 0L);
        while (position <= last)
        {
            var page = await PageAsync(position, Math.Min(last, position + PageSize - 1), cancellationToken);
            foreach (var entry in page)
            {
                if (entry.Position != position)
                {
                    return (checkedCount, new BrokenLink(position, null, $"position {position} is missing"));
                }
                if (entry.PrevHash != expected)
                {
                    return (checkedCount, new BrokenLink(position, entry.Id, $"prev_hash does not match the hash of position {position - 1}"));
                }
                if (entry.Hash != entry.ComputeHash(position, entry.PrevHash ?? ""))
                {
                    return (checkedCount, new BrokenLink(position, entry.Id, "hash does not match the entry's content"));
                }
                (expected, position, checkedCount) = (entry.Hash, position + 1, checkedCount + 1);
            }
            if (page.Count == 0)
            {
                return (checkedCount, new BrokenLink(position, null, $"position {position} is missing"));
            }
        }
        return (checkedCount, null);
    }

    /// <summary>One dossier's exchanges, in chain order (unchained ones last).</summary>
    public async Task<IReadOnlyList<ExchangeEntry>> ForDossierAsync(string dossierCode, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT {ExchangeEntry.Columns} FROM {ExchangeEntry.Source}
            WHERE e.dossier_code = $1 OR e.dossier_ids && ARRAY(SELECT id FROM dossiers WHERE code = $1)
            ORDER BY l.position NULLS LAST, e.id
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = dossierCode });
        return await ExchangeEntry.ReadAllAsync(command, cancellationToken);
    }

    private (long Checked, BrokenLink? Broken) VerifySeals(IReadOnlyList<Seal> seals, IReadOnlyDictionary<long, string> hashes, long head)
    {
        var count = 0L;
        foreach (var seal in seals)
        {
            if (Problem(seal, hashes, head) is { } problem)
            {
                return (count, new BrokenLink(seal.Position, null, problem));
            }
            count++;
        }
        return (count, null);
    }

    /// <summary>What is wrong with one seal, checked against the chain as it is now.</summary>
    private string? Problem(Seal seal, IReadOnlyDictionary<long, string> hashes, long head)
    {
        switch (key.Verify(seal.KeyId, seal.Signed, seal.Signature))
        {
            case SealSignature.UnknownKey:
                return $"the seal at position {seal.Position} names key {seal.KeyId}, which is neither the hub's seal key nor a retired one in {AuditOptions.SectionName}:RetiredSealKeys";
            case SealSignature.Invalid:
                return "the seal's signature does not verify";
        }
        if (seal.Position > head)
        {
            return $"the chain ends at position {head}, behind the seal at position {seal.Position}: sealed entries were removed";
        }
        if (!hashes.TryGetValue(seal.Position, out var hash) || hash != seal.Hash)
        {
            return "the entry differs from the hash its seal signed";
        }
        if (!authority.Configured)
        {
            return null;
        }
        return seal.Timestamp is null
            ? $"the seal at position {seal.Position} has no timestamp from the time-stamping authority"
            : authority.Problem(seal.Timestamp, seal.Stamped, seal.SealedAt) is { } problem ? $"the seal at position {seal.Position}: {problem}" : null;
    }

    /// <summary>Every seal in the anchor file must be in the database as it was anchored: deleting or rewriting seals there is seen here.</summary>
    private async Task<(long Checked, BrokenLink? Broken)> VerifyAnchorsAsync(IReadOnlyList<Seal> seals, long head, CancellationToken cancellationToken)
    {
        IReadOnlyList<Seal> anchored;
        try
        {
            anchored = await anchors.ReadAsync(cancellationToken);
        }
        catch (InvalidDataException e)
        {
            return (0, new BrokenLink(0, null, e.Message));
        }
        var stored = seals.ToLookup(s => s.Position);
        var count = 0L;
        foreach (var anchor in anchored)
        {
            if (anchor.Position > head)
            {
                return (count, new BrokenLink(anchor.Position, null,
                    $"the chain ends at position {head}, behind the seal anchored at position {anchor.Position} in {anchors.Path}: entries and their seals were removed"));
            }
            if (!stored[anchor.Position].Any(anchor.SameAs))
            {
                return (count, new BrokenLink(anchor.Position, null,
                    $"the seal anchored at position {anchor.Position} in {anchors.Path} is missing from the database, or differs there"));
            }
            count++;
        }
        return (count, null);
    }

    private async Task<List<Seal>> SealsAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT position, hash, sealed_at, key_id, signature, timestamp_token FROM exchange_log_seals ORDER BY position, id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var seals = new List<Seal>();
        while (await reader.ReadAsync(cancellationToken))
        {
            seals.Add(new Seal(reader.GetInt64(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetString(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetFieldValue<byte[]>(5)));
        }
        return seals;
    }

    private async Task<Dictionary<long, string>> HashesAsync(IEnumerable<long> positions, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT position, hash FROM exchange_log_links WHERE position = ANY($1)");
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = positions.Distinct().ToArray() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var hashes = new Dictionary<long, string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            hashes[reader.GetInt64(0)] = reader.GetString(1);
        }
        return hashes;
    }

    private async Task<(long? First, long? Last)> RangeAsync(DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT min(l.position), max(l.position) FROM exchange_log_links l JOIN exchange_log e ON e.id = l.entry_id
            WHERE ($1::timestamptz IS NULL OR e.recorded_at >= $1) AND ($2::timestamptz IS NULL OR e.recorded_at < $2)
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)from ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)to ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.IsDBNull(0) ? null : reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetInt64(1));
    }

    /// <returns>Null when the entry before the range is missing.</returns>
    private async Task<string?> HashAtAsync(long position, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT hash FROM exchange_log_links WHERE position = $1");
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = position });
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    private async Task<List<ExchangeEntry>> PageAsync(long first, long last, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {ExchangeEntry.Columns} FROM {ExchangeEntry.Source} WHERE l.position BETWEEN $1 AND $2 ORDER BY l.position");
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
