using Npgsql;

namespace IntegrationHub.Tests.Integration;

/// <summary>
/// The hub runs as a role that is neither the tables' owner nor a superuser (migrations run as the owner):
/// with its own credentials, nothing removes or changes what the registry access log and the exchange log hold.
/// </summary>
public sealed class LeastPrivilegeTests : HubTest
{
    protected override void Configure(Dictionary<string, string?> settings) => settings["Hub:Audit:ChainInterval"] = "00:00:00.100";

    private static readonly string[] Attempts =
    [
        "DELETE FROM exchange_log",
        "TRUNCATE exchange_log",
        "UPDATE exchange_log SET outcome = 'OK'",
        "DELETE FROM exchange_log_links",
        "TRUNCATE exchange_log_links",
        "UPDATE exchange_log_links SET hash = md5(hash)",
        "DELETE FROM exchange_log_unlinked",
        "INSERT INTO exchange_log_unlinked (entry_id) VALUES (-1)",
        "DELETE FROM exchange_log_seals",
        "TRUNCATE exchange_log_seals",
        "DELETE FROM registry_access_log",
        "TRUNCATE registry_access_log",
        "UPDATE registry_access_log SET client_id = 'someone-else'",
        "SET session_replication_role = replica",
        "ALTER TABLE exchange_log DISABLE TRIGGER exchange_log_append_only",
        "ALTER TABLE registry_access_log DISABLE TRIGGER ALL",
        "DROP TRIGGER exchange_log_append_only ON exchange_log",
        "ALTER TABLE exchange_log_links DISABLE TRIGGER exchange_log_links_append_only",
        "CREATE OR REPLACE FUNCTION refuse_exchange_log_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$",
        "ALTER TABLE exchange_log RENAME TO exchange_log_before",
        "DROP TABLE exchange_log_seals",
        "CREATE TABLE exchange_log_copy (id bigint)",
    ];

    /// <summary>One hub for every attempt (each in a connection of its own): what one attempt did not refuse is named in the failure.</summary>
    [Fact]
    public async Task The_hubs_own_role_cannot_change_or_remove_what_the_logs_hold_by_any_of_these_means()
    {
        var code = (await Hub.Justice.SubmitDossierAsync(Samples.Submission())).DossierCode;
        await Hub.Registry.LookupCitizenAsync(People.Lookup(People.Citizen(26)));
        await Eventually.HoldsAsync(() => Hub.Portal.Records.Dossier(code) is not null, TimeSpan.FromSeconds(10), "the dossier at the portal");
        // The snapshot below must not move on its own: every entry of the calls above written (the log's writer gathers
        // entries for 200 ms) and linked, and nothing more arriving.
        await Eventually.HoldsAsync(async () =>
        {
            var written = await CountAsync(Entries);
            if (written == 0 || written != await CountAsync(Links) || await CountAsync("SELECT count(*) FROM registry_access_log") == 0)
            {
                return false;
            }
            await Task.Delay(TimeSpan.FromSeconds(1));
            return written == await CountAsync(Entries) && written == await CountAsync(Links);
        }, TimeSpan.FromSeconds(15), "every entry in both logs, linked, and no more arriving");
        await Hub.RunOnceAsync(IntegrationHub.Hub.Audit.ExchangeSealJob.Key);
        var before = await SnapshotAsync();

        var allowed = new List<string>();
        foreach (var sql in Attempts)
        {
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Hub.ConnectionString) { Pooling = false }.ConnectionString);
            await connection.OpenAsync();
            Assert.Equal(TestPostgres.RuntimeRole, connection.UserName);
            await using var command = new NpgsqlCommand(sql, connection);
            try
            {
                await command.ExecuteNonQueryAsync();
                allowed.Add(sql);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
            {
            }
        }

        Assert.Empty(allowed);
        Assert.Equal(before, await SnapshotAsync());
    }

    private const string Entries = "SELECT count(*) FROM exchange_log";
    private const string Links = "SELECT count(*) FROM exchange_log_links";

    private Task<long> CountAsync(string sql) => TestPostgres.ScalarAsync<long>(Hub.ConnectionString, sql);

    /// <summary>Every row of the logs, as text, seen by the administrator.</summary>
    private Task<string> SnapshotAsync() => TestPostgres.ScalarAsync<string>(Hub.ConnectionString, """
        SELECT (SELECT coalesce(string_agg(e::text, '|' ORDER BY id), '') FROM exchange_log e)
            || '#' || (SELECT coalesce(string_agg(l::text, '|' ORDER BY position), '') FROM exchange_log_links l)
            || '#' || (SELECT coalesce(string_agg(s::text, '|' ORDER BY id), '') FROM exchange_log_seals s)
            || '#' || (SELECT coalesce(string_agg(r::text, '|' ORDER BY r::text), '') FROM registry_access_log r)
        """);
}
