using Grpc.Core;
using IntegrationHub.Hub.Audit;
using IntegrationHub.V1;
using Npgsql;
using ExchangeEntry = IntegrationHub.Hub.Audit.ExchangeEntry;
using ExchangeKind = IntegrationHub.V1.ExchangeKind;

namespace IntegrationHub.Tests.Integration;

/// <summary>The tamper-evident exchange log: what it records, the hash chain, seals, `hub audit verify` and the per-dossier export.</summary>
public sealed class ExchangeLogTests : HubTest
{
    protected override void Configure(Dictionary<string, string?> settings) => settings["Hub:Audit:ChainInterval"] = "00:00:00.100";

    [Fact]
    public async Task An_agency_write_and_the_portal_exchanges_it_causes_are_logged_as_digests_and_chained()
    {
        var code = await SubmitAndDeliverAsync();

        var entries = (await Audit.ExportDossierExchangesAsync(new ExportDossierExchangesRequest { DossierCode = code })).Entries;
        var write = entries[0];
        Assert.Equal(
            (ExchangeKind.AgencyWrite, "hub", "/integrationhub.v1.DossierService/SubmitDossier", code, "justice-system", "OK"),
            (write.Kind, write.Target, write.Operation, write.DossierCode, write.ClientId, write.Outcome));
        Assert.Matches("^[0-9a-f]{64}$", write.RequestDigest);
        var portal = entries.Where(e => e.Target == "national-portal").ToList();
        Assert.NotEmpty(portal);
        Assert.All(portal, e => Assert.Equal((ExchangeKind.NationalSystem, "HTTP 200"), (e.Kind, e.Outcome)));
        Assert.All(entries, e => Assert.True(e.Position > 0));
        Assert.Equal(entries.Select(e => e.Position).Order(), entries.Select(e => e.Position));
    }

    [Fact]
    public async Task A_refused_write_is_logged_with_its_status()
    {
        var submission = Samples.Submission(code: $"{TestAgencies.JusticeCode}-HS-REFUSED-1");
        submission.DueAt = null;
        await Assert.ThrowsAsync<RpcException>(() => Hub.Justice.SubmitDossierAsync(submission).ResponseAsync);
        await ChainedAsync(atLeast: 1);

        var entry = Assert.Single((await Audit.ExportDossierExchangesAsync(new ExportDossierExchangesRequest { DossierCode = $"{TestAgencies.JusticeCode}-HS-REFUSED-1" })).Entries);
        Assert.Equal("InvalidArgument", entry.Outcome);
    }

    [Fact]
    public async Task An_intact_log_verifies_with_exit_code_0()
    {
        await SubmitAndDeliverAsync();

        var (exitCode, output) = await Hub.OperatorCommandAsync("audit", "verify");

        Assert.Equal(0, exitCode);
        Assert.Matches("^intact: [0-9]+ entries and 0 seals checked, [0-9]+ not linked yet", output);
    }

    [Fact]
    public async Task An_edited_entry_is_reported_as_the_first_broken_link()
    {
        await SubmitAndDeliverAsync();

        await SqlAsync("UPDATE exchange_log SET outcome = 'HTTP 500' WHERE position = 2");

        var (exitCode, output) = await Hub.OperatorCommandAsync("audit", "verify");
        Assert.Equal(1, exitCode);
        Assert.StartsWith("BROKEN at position 2", output);
        Assert.Contains("hash does not match the entry's content; 1 entries before it are intact", output);
    }

    [Fact]
    public async Task A_deleted_entry_is_reported_missing()
    {
        await SubmitAndDeliverAsync();

        await SqlAsync("DELETE FROM exchange_log WHERE position = 3");

        var (exitCode, output) = await Hub.OperatorCommandAsync("audit", "verify");
        Assert.Equal(1, exitCode);
        Assert.StartsWith("BROKEN at position 3: position 3 is missing", output);
    }

    [Fact]
    public async Task A_chain_rewritten_after_an_edit_is_caught_by_its_seal()
    {
        await SubmitAndDeliverAsync();
        await Hub.RunOnceAsync(ExchangeSealJob.Key);

        await SqlAsync("UPDATE exchange_log SET client_id = 'someone-else' WHERE position = 1");
        await RehashFromAsync(1);

        var report = await Audit.VerifyExchangeLogAsync(new VerifyExchangeLogRequest());
        Assert.False(report.Intact);
        Assert.Equal("the entry differs from the hash its seal signed", report.Problem);
    }

    [Fact]
    public async Task A_sealed_intact_log_checks_its_seal()
    {
        await SubmitAndDeliverAsync();

        await Hub.RunOnceAsync(ExchangeSealJob.Key);

        var report = await Audit.VerifyExchangeLogAsync(new VerifyExchangeLogRequest());
        Assert.Equal((true, 1L), (report.Intact, report.SealsChecked));
    }

    private AuditService.AuditServiceClient Audit => new(Hub.Invoker(TestAgencies.OperatorKey));

    private async Task<string> SubmitAndDeliverAsync()
    {
        var code = (await Hub.Justice.SubmitDossierAsync(Samples.Submission())).DossierCode;
        await Eventually.HoldsAsync(() => Hub.Portal.Records.Dossier(code) is not null, TimeSpan.FromSeconds(10), "the dossier at the portal");
        await ChainedAsync(atLeast: 3);
        return code;
    }

    /// <summary>Waits until at least that many entries are written and every written one is linked.</summary>
    private Task ChainedAsync(int atLeast) => Eventually.HoldsAsync(
        async () => await TestPostgres.ScalarAsync<long>(Hub.ConnectionString, "SELECT count(*) FROM exchange_log WHERE position IS NOT NULL") >= atLeast
            && await TestPostgres.ScalarAsync<long>(Hub.ConnectionString, "SELECT count(*) FROM exchange_log WHERE position IS NULL") == 0,
        TimeSpan.FromSeconds(10), $"{atLeast} entries chained");

    private Task SqlAsync(string sql) => TestPostgres.ExecuteAsync(Hub.ConnectionString, sql);

    /// <summary>What someone with write access to the database would do to hide an edit: recompute every hash from there on.</summary>
    private async Task RehashFromAsync(long position)
    {
        await using var connection = await TestPostgres.OpenAsync(Hub.ConnectionString);
        List<ExchangeEntry> entries;
        await using (var read = new NpgsqlCommand($"SELECT {ExchangeEntry.Columns} FROM exchange_log WHERE position >= {position} ORDER BY position", connection))
        {
            entries = await ExchangeEntry.ReadAllAsync(read, CancellationToken.None);
        }
        var previous = entries[0].PrevHash!;
        foreach (var entry in entries)
        {
            var hash = entry.ComputeHash(entry.Position!.Value, previous);
            await using var write = new NpgsqlCommand($"UPDATE exchange_log SET prev_hash = '{previous}', hash = '{hash}' WHERE id = {entry.Id}", connection);
            await write.ExecuteNonQueryAsync();
            previous = hash;
        }
    }
}
