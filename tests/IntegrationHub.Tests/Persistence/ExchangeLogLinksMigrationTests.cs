using IntegrationHub.Adapters.Exchanges;
using IntegrationHub.Hub.Audit;
using IntegrationHub.Hub.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IntegrationHub.Tests.Persistence;

/// <summary>
/// A database whose chain was kept in the entries' own rows (before migration 20261203060000_ExchangeLogLinks) keeps
/// its chain, position for position and hash for hash, when the links move to a table of their own; entries not
/// linked yet are queued and linked after it, by the hub's own role.
/// </summary>
public sealed class ExchangeLogLinksMigrationTests
{
    private const string Before = "20261203050000_OutboxInFlightUntil";

    [Fact]
    public async Task A_chain_kept_in_the_entries_rows_is_kept_link_for_link_and_the_entries_not_linked_yet_are_linked_after_it()
    {
        var runtime = await TestPostgres.CreateEmptyDatabaseAsync();
        var owner = TestPostgres.Owner(runtime);
        await using (var db = Context(owner))
        {
            await db.GetService<IMigrator>().MigrateAsync(Before);
        }
        // As the chainer left them before: two entries linked in their own rows, the third not yet.
        var (hash, links) = (ExchangeEntry.Genesis, new List<string>());
        for (var position = 1; position <= 2; position++)
        {
            var entry = Entry(position);
            var linked = entry.ComputeHash(position, hash);
            var id = await InsertAsync(owner, entry, $"{position}, '{hash}', '{linked}'");
            links.Add($"{position}:{id}:{hash}:{linked}");
            hash = linked;
        }
        var unlinked = await InsertAsync(owner, Entry(3), "NULL, NULL, NULL");

        await PersistenceServiceCollectionExtensions.MigrateAsOwnerAsync(owner, TestPostgres.RuntimeRole);

        Assert.Equal(string.Join('|', links), await TestPostgres.ScalarAsync<string>(runtime,
            "SELECT string_agg(position || ':' || entry_id || ':' || prev_hash || ':' || hash, '|' ORDER BY position) FROM exchange_log_links"));
        Assert.Equal(unlinked, await TestPostgres.ScalarAsync<long>(runtime, "SELECT entry_id FROM exchange_log_unlinked"));

        var added = await InsertAsync(runtime, Entry(4), null);
        await using var dataSource = NpgsqlDataSource.Create(runtime);
        var chainer = new ExchangeLogChainer(dataSource, Options.Create(new AuditOptions()), NullLogger<ExchangeLogChainer>.Instance);
        Assert.Equal(2, await chainer.ChainAsync(CancellationToken.None));

        var chain = await ChainAsync(runtime);
        Assert.Equal([1L, 2, 3, 4], chain.Select(e => e.Position!.Value));
        Assert.Equal(unlinked, chain[2].Id);
        Assert.Equal(added, chain[3].Id);
        var previous = ExchangeEntry.Genesis;
        foreach (var entry in chain)
        {
            Assert.Equal((previous, entry.ComputeHash(entry.Position!.Value, previous)), (entry.PrevHash, entry.Hash));
            previous = entry.Hash!;
        }
        Assert.Equal(0L, await TestPostgres.ScalarAsync<long>(runtime, "SELECT count(*) FROM exchange_log_unlinked"));
    }

    private static HubDbContext Context(string connectionString) => new(new DbContextOptionsBuilder<HubDbContext>()
        .UseNpgsql(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString)
        .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning)).Options);

    private static ExchangeEntry Entry(int n) => new(
        0, null, new DateTimeOffset(2026, 12, 3, 8, 0, n, TimeSpan.Zero), ExchangeKind.NationalSystem, "national-portal", "POST /dvcqg/nhanhsdvcqg",
        $"000.00.01.H22-261203-000{n}", [Guid.CreateVersion7()], null, new string('a', 64), new string('b', 64), "HTTP 200", 1000 + n, null, null);

    /// <param name="link">The old schema's position, prev_hash and hash, as SQL; null: the new schema, as the hub's own role.</param>
    private static async Task<long> InsertAsync(string connectionString, ExchangeEntry entry, string? link)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"""
            INSERT INTO exchange_log (recorded_at, kind, target, operation, dossier_code, dossier_ids, client_id, request_digest, response_digest,
                                      outcome, duration_us{(link is null ? "" : ", position, prev_hash, hash")})
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11{(link is null ? "" : $", {link}")})
            RETURNING id
            """, connection);
        foreach (var value in new object?[]
        {
            entry.RecordedAt, (short)entry.Kind, entry.Target, entry.Operation, entry.DossierCode, entry.DossierIds, entry.ClientId,
            entry.RequestDigest, entry.ResponseDigest, entry.Outcome, entry.DurationMicroseconds,
        })
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<List<ExchangeEntry>> ChainAsync(string connectionString)
    {
        await using var connection = await TestPostgres.OpenAsync(connectionString);
        await using var command = new NpgsqlCommand($"SELECT {ExchangeEntry.Columns} FROM {ExchangeEntry.Source} ORDER BY l.position", connection);
        return await ExchangeEntry.ReadAllAsync(command, CancellationToken.None);
    }
}
