using IntegrationHub.Hub.Dossiers;
using IntegrationHub.Hub.Idempotency;
using IntegrationHub.Hub.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IntegrationHub.Tests.Integration;

/// <summary>
/// The coalescer on the hub's own database: writes queued before its writer starts are certain to meet, so
/// what one shared transaction does (and what happens when one of its writes is refused) is seen, not hoped for.
/// </summary>
public sealed class CommitCoalescerTests : HubTest
{
    private const string Client = "coalescer-test";

    [Fact]
    public async Task Writes_queued_together_commit_in_one_transaction_each_exactly_once()
    {
        var coalescer = NewCoalescer();
        var writes = Enumerable.Range(0, 10).Select(i => Queue(coalescer, $"r{i}", "queued")).ToList();

        await coalescer.StartAsync(CancellationToken.None);
        await Task.WhenAll(writes.Select(w => w.Saved));
        await coalescer.StopAsync(CancellationToken.None);

        var (rows, transactions, requests) = await StoredAsync();
        Assert.Equal(10, rows);
        Assert.Equal(10, requests);
        Assert.Equal(1, transactions);
        writes.ForEach(w => w.Scope.Dispose());
    }

    [Fact]
    public async Task A_write_that_breaks_a_constraint_is_refused_alone_and_the_others_commit_once()
    {
        using (var scope = Hub.Service<IServiceScopeFactory>().CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            db.Add(Record("r1", "first"));
            await db.SaveChangesAsync();
        }
        var coalescer = NewCoalescer();
        var writes = new[] { Queue(coalescer, "r0", "queued"), Queue(coalescer, "r1", "second"), Queue(coalescer, "r2", "queued") };

        await coalescer.StartAsync(CancellationToken.None);
        await writes[0].Saved;
        await writes[2].Saved;
        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => writes[1].Saved);
        await coalescer.StopAsync(CancellationToken.None);

        Assert.Equal(PostgresErrorCodes.UniqueViolation, Assert.IsAssignableFrom<PostgresException>(refused.InnerException).SqlState);
        var (rows, _, requests) = await StoredAsync();
        Assert.Equal(3, rows);
        Assert.Equal(3, requests);
        await using var connection = new NpgsqlConnection(Hub.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT response FROM idempotency_records WHERE client_id = $1 AND request_id = 'r1'", connection) { Parameters = { new() { Value = Client } } };
        Assert.Equal("first", await command.ExecuteScalarAsync());
        foreach (var write in writes)
        {
            write.Scope.Dispose();
        }
    }

    [Fact]
    public async Task Submits_from_many_callers_at_once_are_each_stored_once_with_their_submitted_event_and_outbox_row()
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Hub.Justice.SubmitDossierAsync(Samples.Submission()).ResponseAsync));

        await using var connection = new NpgsqlConnection(Hub.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT (SELECT count(*) FROM dossiers), (SELECT count(DISTINCT code) FROM dossiers),
                   (SELECT count(*) FROM dossier_events WHERE type = 1), (SELECT count(DISTINCT dossier_id) FROM dossier_events WHERE type = 1),
                   (SELECT count(*) FROM outbox_messages), (SELECT count(DISTINCT dossier_id) FROM outbox_messages),
                   (SELECT count(*) FROM idempotency_records), (SELECT count(*) FROM exchange_log WHERE operation LIKE '%SubmitDossier')
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.Equal(40, answers.Select(a => a.DossierCode).Distinct().Count());
        Assert.Equal(Enumerable.Repeat(40L, 8), Enumerable.Range(0, 8).Select(reader.GetInt64));
    }

    [Fact]
    public async Task Rows_given_and_rows_tracked_in_one_write_commit_together_once()
    {
        var coalescer = NewCoalescer();
        using var scope = Hub.Service<IServiceScopeFactory>().CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        db.Add(Record("tracked", "queued"));
        var saved = coalescer.SaveAsync(db, [Record("given-1", "queued"), Record("given-2", "queued")], CancellationToken.None);

        await coalescer.StartAsync(CancellationToken.None);
        await saved;
        await coalescer.StopAsync(CancellationToken.None);

        Assert.Equal((3L, 1L, 3L), await StoredAsync());
    }

    [Fact]
    public async Task A_row_both_given_and_tracked_is_stored_once()
    {
        using var scope = Hub.Service<IServiceScopeFactory>().CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var record = Record("both", "queued");
        db.Add(record);

        await Hub.Service<CommitCoalescer>().SaveAsync(db, [record], CancellationToken.None);

        Assert.Equal((1L, 1L, 1L), await StoredAsync());
    }

    [Fact]
    public async Task A_given_row_whose_navigation_holds_a_new_row_is_saved_with_it_as_EF_Core_adds_a_graph()
    {
        var receivedAt = DateTimeOffset.UtcNow;
        var dossier = Dossier.Submit(DomainSamples.NewDossier(receivedAt), "COALESCER-TEST-0001", ApplicantCheck.Unchecked(ApplicantCheckState.NotChecked), Client, receivedAt);
        dossier.RecordProgress(new ProgressStep(ProgressAction.Receive, new Handler("Trần Thị Hoa", null, null), null, receivedAt, null), receivedAt);
        using var scope = Hub.Service<IServiceScopeFactory>().CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();

        await Hub.Service<CommitCoalescer>().SaveAsync(db, [dossier, Record("graph", "queued")], CancellationToken.None);

        await using var connection = new NpgsqlConnection(Hub.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT (SELECT count(*) FROM dossiers WHERE id = $1), (SELECT count(*) FROM progress_records WHERE dossier_id = $1)", connection)
        { Parameters = { new() { Value = dossier.Id } } };
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.Equal((1L, 1L), (reader.GetInt64(0), reader.GetInt64(1)));
        Assert.Equal((1L, 1L, 1L), await StoredAsync());
    }

    private CommitCoalescer NewCoalescer() =>
        new(Hub.Service<IServiceScopeFactory>(), Hub.Service<TableCopier>(), Options.Create(new CommitOptions { Writers = 1, MaxWrites = 64 }));

    private (IServiceScope Scope, Task Saved) Queue(CommitCoalescer coalescer, string requestId, string response)
    {
        var scope = Hub.Service<IServiceScopeFactory>().CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        return (scope, coalescer.SaveAsync(db, [Record(requestId, response)], CancellationToken.None));
    }

    private static IdempotencyRecord Record(string requestId, string response) =>
        new(Client, requestId, "Test", [1, 2, 3], response, DateTimeOffset.UtcNow);

    /// <summary>The test's rows, the transactions that wrote them (their xmin) and the request ids among them.</summary>
    private async Task<(long Rows, long Transactions, long Requests)> StoredAsync()
    {
        await using var connection = new NpgsqlConnection(Hub.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*), count(DISTINCT xmin::text), count(DISTINCT request_id) FROM idempotency_records WHERE client_id = $1", connection)
        { Parameters = { new() { Value = Client } } };
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }
}
