using System.Diagnostics;
using IntegrationHub.Hub.Outbox;
using IntegrationHub.Sandbox.Faults;
using IntegrationHub.V1;

namespace IntegrationHub.Tests.Integration;

/// <summary>A backlog waiting out long backoffs goes out as soon as anything the hub asks the portal is answered again.</summary>
public sealed class TargetRecoveryTests : HubTest
{
    // Neither the table's probe nor a wake's repeat comes within the test: only the portal answering again can wake the rows.
    protected override void Configure(Dictionary<string, string?> settings) => settings["Hub:Outbox:RecoveryProbeInterval"] = "00:10:00";

    [Fact]
    public async Task A_health_check_the_returned_portal_answers_makes_the_waiting_backlog_due_and_it_arrives_once()
    {
        Hub.Portal.Faults.Mode = FaultMode.Unavailable;
        Hub.Portal.Faults.Down = true;
        var codes = new List<string>();
        for (var d = 0; d < 4; d++)
        {
            codes.Add((await Hub.Justice.SubmitDossierAsync(Samples.Submission())).DossierCode);
        }
        await Eventually.HoldsAsync(
            () => TestPostgres.ScalarAsync<bool>(Hub.ConnectionString, "SELECT bool_and(attempts > 0) FROM outbox_messages"), TimeSpan.FromSeconds(10), "every row tried");
        await OutboxRows.WaitingMinutesAsync(Hub.ConnectionString);

        Hub.Portal.Faults.Down = false;
        // If the outage opened the circuit, the check tells the truth (unhealthy) until the break is over.
        var portal = Hub.Service<TargetAdapters>().All.Single(a => a.Target == "national-portal").Adapter;
        await Eventually.HoldsAsync(() => !portal.RefusesCalls, TimeSpan.FromSeconds(10), "the portal's circuit out of its break");
        var (exitCode, _) = await Hub.OperatorCommandAsync("health", "national-portal");
        var back = Stopwatch.StartNew();

        Assert.Equal(0, exitCode);
        await Eventually.HoldsAsync(() => codes.All(c => Hub.Portal.Records.Dossier(c) is not null), TimeSpan.FromSeconds(30), "the backlog at the portal");
        Assert.True(back.Elapsed < TimeSpan.FromSeconds(5), $"the backlog took {back.Elapsed.TotalSeconds:0.0} s after the health check");
        Assert.All(codes, c => Assert.Equal(0, Hub.Portal.Records.Dossier(c)!.RepeatedSyncs));
        Assert.Empty(Hub.Portal.Records.Violations);
    }
}
