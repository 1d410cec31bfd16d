using System.Text.Json;
using IntegrationHub.Hub.Outbox;
using Npgsql;

namespace IntegrationHub.Tests.Persistence;

/// <summary>
/// The backlog's read costs what is waiting, not the delivered history: on an outbox PostgreSQL has
/// never analyzed, holding 40,000 delivered rows and a few waiting, each query's plan reads the outbox
/// through its partial index only (no table scan, no bitmap), and the read still counts right.
/// </summary>
public sealed class OutboxBacklogPlanTests
{
    private const int Delivered = 40_000;

    public static TheoryData<string, string> Queries => new()
    {
        { OutboxBacklogSql.Waiting, "ix_outbox_undelivered" },
        { OutboxBacklogSql.DeliveredLastMinute, "ix_outbox_delivered_at" },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Each_query_reads_the_outbox_by_its_partial_index_only(string sql, string index)
    {
        var database = await HistoryAsync();
        await using var connection = await TestPostgres.OpenAsync(database);
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var setting in OutboxBacklogSql.IndexPlan)
        {
            await using var command = new NpgsqlCommand(setting, connection, transaction);
            await command.ExecuteNonQueryAsync();
        }
        await using var explain = new NpgsqlCommand("EXPLAIN (FORMAT JSON) " + sql, connection, transaction);
        using var plan = JsonDocument.Parse((string)(await explain.ExecuteScalarAsync())!);

        var scans = Nodes(plan.RootElement[0].GetProperty("Plan"))
            .Where(n => n.TryGetProperty("Relation Name", out var relation) && relation.GetString() == "outbox_messages")
            .Select(n => (Type: n.GetProperty("Node Type").GetString(), Index: n.TryGetProperty("Index Name", out var i) ? i.GetString() : null))
            .ToList();
        Assert.Equal([("Index Scan", index)], scans);
    }

    [Fact]
    public async Task The_read_counts_the_waiting_rows_per_target()
    {
        var database = await HistoryAsync();
        await using var dataSource = NpgsqlDataSource.Create(database);
        var backlog = new OutboxBacklog(dataSource, [new OutboxTarget("idle"), new OutboxTarget("portal")]);

        var read = await backlog.ReadAsync(CancellationToken.None);

        Assert.Equal([("idle", 0, 0), ("portal", 3, 1)], read.Select(t => (t.Target, t.Pending, t.DeadLettered)));
        Assert.InRange(read[1].OldestPendingAgeSeconds, 3_500, 3_700);
        Assert.Equal(Delivered / 60.0, (await backlog.DeliveredPerSecondAsync(CancellationToken.None))["portal"], 3);
    }

    // Delivered in the last minute, 3 pending (the oldest an hour old), 1 dead-lettered; never analyzed.
    private static async Task<string> HistoryAsync()
    {
        var database = await TestPostgres.CreateDatabaseAsync();
        await TestPostgres.ExecuteAsync(TestPostgres.Administrator(database), $$"""
            INSERT INTO outbox_messages (dossier_id, target, kind, dossier_version, payload, status, attempts, created_at, next_attempt_at, delivered_at)
            SELECT gen_random_uuid(), 'portal', 'sync', 1, '{}', 1, 1, now(), now(), now() FROM generate_series(1, {{Delivered}});
            INSERT INTO outbox_messages (dossier_id, target, kind, dossier_version, payload, status, attempts, created_at, next_attempt_at)
            SELECT gen_random_uuid(), 'portal', 'sync', 1, '{}', s.status, 0, now() - s.age, now()
            FROM (VALUES (0, interval '1 hour'), (0, interval '1 minute'), (0, interval '0'), (2, interval '2 hours')) AS s(status, age);
            """);
        return database;
    }

    private static IEnumerable<JsonElement> Nodes(JsonElement node) =>
        node.TryGetProperty("Plans", out var children)
            ? children.EnumerateArray().SelectMany(Nodes).Prepend(node)
            : [node];
}
