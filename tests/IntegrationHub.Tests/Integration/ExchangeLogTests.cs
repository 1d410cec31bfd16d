using System.Security.Cryptography;
using System.Text;
using Grpc.Core;
using IntegrationHub.Hub.Audit;
using IntegrationHub.Sandbox.Timestamping;
using IntegrationHub.V1;
using Npgsql;
using ExchangeEntry = IntegrationHub.Hub.Audit.ExchangeEntry;
using ExchangeKind = IntegrationHub.V1.ExchangeKind;

namespace IntegrationHub.Tests.Integration;

/// <summary>
/// The tamper-evident exchange log: what it records, the hash chain, seals and their anchors outside the
/// database (a file, a real RFC 3161 time-stamping authority), `hub audit verify` and the per-dossier export.
/// Each way of tampering with the log, done with the database's own rights, must make verify exit 1 and say what is missing.
/// </summary>
public sealed class ExchangeLogTests : HubTest, IDisposable
{
    private static readonly ECDsa RetiredKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly TimestampAuthoritySimulator _tsa = TimestampAuthoritySimulator.Start();
    private string _anchorFile = "";

    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Hub:Audit:ChainInterval"] = "00:00:00.100";
        settings["Hub:Audit:TimestampAuthorityUrl"] = _tsa.TsaUrl;
        settings["Hub:Audit:TimestampAuthorityCertificate"] = _tsa.RootCertificate;
        settings["Hub:Audit:RetiredSealKeys:0"] = RetiredKey.ExportSubjectPublicKeyInfoPem();
        _anchorFile = settings["Hub:Audit:AnchorFile"]!;
    }

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
        submission.ReceivedAt = null;
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
        Assert.Matches("^intact: [0-9]+ entries, 0 seals and 0 anchors \\(.+\\) checked, [0-9]+ not linked yet", output);
    }

    [Fact]
    public async Task An_edited_entry_is_reported_as_the_first_broken_link()
    {
        await SubmitAndDeliverAsync();

        await SqlAsync($"UPDATE exchange_log SET outcome = 'HTTP 500' WHERE {At("= 2")}");

        var (exitCode, output) = await Hub.OperatorCommandAsync("audit", "verify");
        Assert.Equal(1, exitCode);
        Assert.StartsWith("BROKEN at position 2", output);
        Assert.Contains("hash does not match the entry's content; 1 entries before it are intact", output);
    }

    [Fact]
    public async Task A_deleted_entry_is_reported_missing()
    {
        await SubmitAndDeliverAsync();

        await SqlAsync($"DELETE FROM exchange_log WHERE {At("= 3")}");

        var (exitCode, output) = await Hub.OperatorCommandAsync("audit", "verify");
        Assert.Equal(1, exitCode);
        Assert.StartsWith("BROKEN at position 3: position 3 is missing", output);
    }

    [Fact]
    public async Task A_chain_rewritten_after_an_edit_is_caught_by_its_seal()
    {
        await SubmitAndDeliverAsync();
        await Hub.RunOnceAsync(ExchangeSealJob.Key);

        await EditAndRehashAsync();

        var report = await Audit.VerifyExchangeLogAsync(new VerifyExchangeLogRequest());
        Assert.False(report.Intact);
        Assert.Equal("the entry differs from the hash its seal signed", report.Problem);
    }

    [Fact]
    public async Task A_sealed_intact_log_checks_its_seal_its_timestamp_and_its_anchor()
    {
        await SubmitAndDeliverAsync();

        await Hub.RunOnceAsync(ExchangeSealJob.Key);

        var report = await Audit.VerifyExchangeLogAsync(new VerifyExchangeLogRequest());
        Assert.Equal((true, 1L, 1L, 1), (report.Intact, report.SealsChecked, report.AnchorsChecked, _tsa.Stamped));
        Assert.Single(File.ReadAllLines(_anchorFile));
    }

    [Fact]
    public async Task The_oldest_entries_deleted_are_caught_because_the_chain_starts_at_position_1()
    {
        await SubmitAndDeliverAsync();

        await RemoveAsync("<= 2");

        await BrokenAsync("BROKEN at position 1: position 1, the start of the chain, is missing: entries before position 3 were removed");
    }

    [Fact]
    public async Task The_newest_entries_deleted_under_a_seal_are_caught_by_the_seal()
    {
        var head = await SealedAsync();

        await RemoveAsync($">= {head - 1}");

        await BrokenAsync($"BROKEN at position {head}: the chain ends at position {head - 2}, behind the seal at position {head}: sealed entries were removed");
    }

    [Fact]
    public async Task Entries_deleted_with_the_seals_over_them_are_caught_by_the_anchor_file()
    {
        var head = await SealedAsync();

        await SqlAsync("DELETE FROM exchange_log_seals");
        await RemoveAsync($">= {head - 1}");

        await BrokenAsync($"BROKEN at position {head}: the chain ends at position {head - 2}, behind the seal anchored at position {head} in {_anchorFile}: " +
            "entries and their seals were removed");
    }

    [Fact]
    public async Task A_rewritten_chain_whose_seals_name_another_key_is_refused_as_an_unknown_key()
    {
        var head = await SealedAsync();
        await EditAndRehashAsync();

        await SqlAsync("UPDATE exchange_log_seals SET key_id = '0123456789abcdef'");

        await BrokenAsync($"BROKEN at position {head}: the seal at position {head} names key 0123456789abcdef, which is neither the hub's seal key nor a retired one");
    }

    [Fact]
    public async Task A_rewritten_chain_whose_seals_were_deleted_is_caught_by_the_anchor_file()
    {
        var head = await SealedAsync();
        await EditAndRehashAsync();

        await SqlAsync("DELETE FROM exchange_log_seals");

        await BrokenAsync($"BROKEN at position {head}: the seal anchored at position {head} in {_anchorFile} is missing from the database, or differs there");
    }

    [Fact]
    public async Task A_seal_by_a_declared_retired_key_verifies_and_one_by_any_other_key_does_not()
    {
        var head = await SealedAsync();
        var hash = await TestPostgres.ScalarAsync<string>(Hub.ConnectionString, $"SELECT hash FROM exchange_log_links WHERE position = {head - 1}");

        await InsertSealAsync(head - 1, hash, RetiredKey);
        Assert.True((await Audit.VerifyExchangeLogAsync(new VerifyExchangeLogRequest())).Intact);

        using var stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        await InsertSealAsync(head - 1, hash, stranger);
        var report = await Audit.VerifyExchangeLogAsync(new VerifyExchangeLogRequest());
        Assert.False(report.Intact);
        Assert.StartsWith($"the seal at position {head - 1} names key {KeyId(stranger)}", report.Problem);
    }

    [Fact]
    public async Task A_seal_without_its_timestamp_or_with_another_seals_timestamp_is_refused()
    {
        var head = await SealedAsync();
        await SqlAsync("UPDATE exchange_log_seals SET timestamp_token = NULL");
        await BrokenAsync($"the seal at position {head} has no timestamp from the time-stamping authority");

        await SubmitAndDeliverAsync();
        await Hub.RunOnceAsync(ExchangeSealJob.Key);
        await SqlAsync("UPDATE exchange_log_seals SET timestamp_token = (SELECT timestamp_token FROM exchange_log_seals WHERE timestamp_token IS NOT NULL)");

        await BrokenAsync($"the seal at position {head}: its timestamp is not over this seal or its signature does not verify");
    }

    public void Dispose() => _tsa.Dispose();

    private async Task BrokenAsync(string problem)
    {
        var (exitCode, output) = await Hub.OperatorCommandAsync("audit", "verify");
        Assert.Equal(1, exitCode);
        Assert.Contains(problem, output);
    }

    /// <returns>The position sealed: the chain's head after a submit and its delivery.</returns>
    private async Task<long> SealedAsync()
    {
        await SubmitAndDeliverAsync();
        await Hub.RunOnceAsync(ExchangeSealJob.Key);
        return await TestPostgres.ScalarAsync<long>(Hub.ConnectionString, "SELECT max(position) FROM exchange_log_seals");
    }

    private async Task InsertSealAsync(long position, string hash, ECDsa key)
    {
        var signature = key.SignData(Encoding.UTF8.GetBytes(SealKey.Sealed(position, hash)), HashAlgorithmName.SHA256);
        var timestamp = await Hub.Service<TimestampAuthority>().StampAsync(signature, CancellationToken.None);
        await SqlAsync($"DELETE FROM exchange_log_seals WHERE position = {position}; " +
            "INSERT INTO exchange_log_seals (position, hash, sealed_at, key_id, signature, timestamp_token) " +
            $"VALUES ({position}, '{hash}', now(), '{KeyId(key)}', '{Convert.ToBase64String(signature)}', '\\x{Convert.ToHexString(timestamp)}')");
    }

    private static string KeyId(ECDsa key) => Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()))[..16];

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
        async () => await TestPostgres.ScalarAsync<long>(Hub.ConnectionString, "SELECT count(*) FROM exchange_log_links") >= atLeast
            && await TestPostgres.ScalarAsync<long>(Hub.ConnectionString,
                "SELECT count(*) FROM exchange_log e WHERE NOT EXISTS (SELECT 1 FROM exchange_log_links l WHERE l.entry_id = e.id)") == 0,
        TimeSpan.FromSeconds(10), $"{atLeast} entries chained");

    /// <summary>A condition on exchange_log's rows: those whose links' positions meet <paramref name="positions"/> ("= 2", "&lt;= 2").</summary>
    private static string At(string positions) => $"id IN (SELECT entry_id FROM exchange_log_links WHERE position {positions})";

    /// <summary>Entries removed with their links, as someone hiding them would.</summary>
    private Task RemoveAsync(string positions) =>
        SqlAsync($"DELETE FROM exchange_log WHERE {At(positions)}; DELETE FROM exchange_log_links WHERE position {positions}");

    /// <summary>What an administrator of the database can do: switch the append-only triggers off for the session, then edit.</summary>
    private Task SqlAsync(string sql) => TestPostgres.ExecuteAsync(Hub.ConnectionString, $"SET session_replication_role = replica; {sql}");

    /// <summary>An entry edited and the chain re-hashed after it, as someone hiding the edit would.</summary>
    private async Task EditAndRehashAsync()
    {
        await SqlAsync($"UPDATE exchange_log SET client_id = 'someone-else' WHERE {At("= 1")}");
        await RehashFromAsync(1);
    }

    /// <summary>What someone with write access to the database would do to hide an edit: recompute every hash from there on.</summary>
    private async Task RehashFromAsync(long position)
    {
        await using var connection = await TestPostgres.OpenAsync(Hub.ConnectionString);
        await using (var bypass = new NpgsqlCommand("SET session_replication_role = replica", connection))
        {
            await bypass.ExecuteNonQueryAsync();
        }
        List<ExchangeEntry> entries;
        await using (var read = new NpgsqlCommand(
            $"SELECT {ExchangeEntry.Columns} FROM {ExchangeEntry.Source} WHERE l.position >= {position} ORDER BY l.position", connection))
        {
            entries = await ExchangeEntry.ReadAllAsync(read, CancellationToken.None);
        }
        var previous = entries[0].PrevHash!;
        foreach (var entry in entries)
        {
            var hash = entry.ComputeHash(entry.Position!.Value, previous);
            await using var write = new NpgsqlCommand($"UPDATE exchange_log_links SET prev_hash = '{previous}', hash = '{hash}' WHERE entry_id = {entry.Id}", connection);
            await write.ExecuteNonQueryAsync();
            previous = hash;
        }
    }
}
