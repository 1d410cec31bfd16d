using IntegrationHub.Sandbox.Faults;
using IntegrationHub.Sandbox.NationalPortal;

namespace IntegrationHub.Tests.Integration;

/// <summary>
/// A portal down for longer than a change's attempts last gives nothing up: while a target fails, its changes are also
/// tried at its probes and its circuit's trials, far oftener than their backoff alone would, so a count of attempts
/// says little about how long a change has waited.
/// </summary>
public sealed class LongOutageTests : HubTest
{
    private const int MaxAttempts = 3;

    protected override void Configure(Dictionary<string, string?> settings) => HubSettings.FastRetries(settings, MaxAttempts);

    [Fact]
    public async Task Changes_tried_more_often_than_their_attempts_allow_in_an_outage_are_not_dead_lettered_and_arrive_once()
    {
        Hub.Portal.Faults.Mode = FaultMode.Unavailable;
        Hub.Portal.Faults.Down = true;
        var codes = new List<string>();
        for (var d = 0; d < 3; d++)
        {
            var code = (await Hub.Justice.SubmitDossierAsync(Samples.Submission())).DossierCode;
            await Hub.Justice.RecordProgressAsync(Samples.Step(code, Samples.FiveSteps[0], 1));
            codes.Add(code);
        }

        // Each dossier's first change tried twice its attempts' worth, or one given up (then the wait ends at once).
        await Eventually.HoldsAsync(
            () => TestPostgres.ScalarAsync<bool>(Hub.ConnectionString,
                $"SELECT count(*) FILTER (WHERE status = 2) > 0 OR count(*) FILTER (WHERE attempts >= {2 * MaxAttempts}) >= 3 FROM outbox_messages"),
            TimeSpan.FromSeconds(60), "every dossier's first change tried beyond its attempts");
        Assert.Equal(0, await TestPostgres.ScalarAsync<long>(Hub.ConnectionString, "SELECT count(*) FROM outbox_messages WHERE status = 2"));

        Hub.Portal.Faults.Down = false;

        await Eventually.HoldsAsync(() => codes.All(c => Hub.Portal.Records.Dossier(c) is { Progress.Count: 1 }), TimeSpan.FromSeconds(30), "every change at the portal");
        await Eventually.HoldsAsync(
            () => TestPostgres.ScalarAsync<bool>(Hub.ConnectionString, "SELECT bool_and(status = 1) FROM outbox_messages"), TimeSpan.FromSeconds(10), "every row delivered");
        Assert.All(codes, c =>
        {
            var record = Hub.Portal.Records.Dossier(c)!;
            Assert.Equal(0, record.RepeatedSyncs);
            Assert.Equal(0, record.RepeatedProgress);
            Assert.Equal(["2"], record.Progress.Select(p => PortalContract.Text(p, "TrangThai")));
        });
        Assert.Empty(Hub.Portal.Records.Violations);
    }
}
