using IntegrationHub.Hub.Outbox;
using Polly.CircuitBreaker;
using IntegrationHub.Sandbox.Faults;
using IntegrationHub.V1;

namespace IntegrationHub.Tests.Integration;

/// <summary>
/// While the hub's circuit for the portal refuses calls, the portal's rows stay unclaimed, for an instance whose circuit
/// has seen the portal back: none is refused unsent and sent to wait out a backoff. When the break ends they go out.
/// </summary>
public sealed class PortalCircuitTests : HubTest
{
    private static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(6);

    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Hub:Adapters:NationalPortal:BreakerMinimumThroughput"] = "2";
        settings["Hub:Adapters:NationalPortal:BreakerBreakDuration"] = BreakDuration.ToString();
    }

    [Fact]
    public async Task Rows_wait_unclaimed_while_the_circuit_refuses_calls_and_then_reach_the_portal_once()
    {
        var portal = Hub.Service<TargetAdapters>().All.Single(a => a.Target == "national-portal").Adapter;
        // In its break, not half-open: a half-open circuit's trial call carries rows claimed as its break ended.
        bool Breaking() => portal.Circuit.CircuitState == CircuitState.Open && portal.RefusesCalls;
        Hub.Portal.Faults.Mode = FaultMode.Unavailable;
        Hub.Portal.Faults.Down = true;
        List<string> codes = [await SubmitAsync()];
        await Eventually.HoldsAsync(Breaking, TimeSpan.FromSeconds(10), "the portal's circuit open");

        Hub.Portal.Faults.Down = false;
        var waiting = new List<string>();
        for (var d = 0; d < 3; d++)
        {
            waiting.Add(await SubmitAsync());
        }
        codes.AddRange(waiting);
        var checks = 0;
        while (Breaking())
        {
            var touched = await TouchedAsync(waiting);
            // Only a reading taken wholly within the break counts: with the portal back, a break that ends is not followed by another.
            if (Breaking())
            {
                Assert.Equal(0, touched);
                checks++;
            }
            await Task.Delay(100);
        }
        Assert.True(checks > 0, "the dossiers were submitted only after the circuit's break had ended; nothing was checked");

        await Eventually.HoldsAsync(() => codes.All(c => Hub.Portal.Records.Dossier(c) is not null), BreakDuration, "every dossier at the portal");
        await Eventually.HoldsAsync(async () => await AttemptsAsync(waiting, "min") == 1, TimeSpan.FromSeconds(5), "the deliveries recorded");
        Assert.Equal(1, await AttemptsAsync(waiting, "max"));
        Assert.All(codes, c => Assert.Equal(0, Hub.Portal.Records.Dossier(c)!.RepeatedSyncs));
        Assert.Empty(Hub.Portal.Records.Violations);
    }

    private async Task<string> SubmitAsync() => (await Hub.Justice.SubmitDossierAsync(Samples.Submission())).DossierCode;

    /// <returns>How many of the dossiers' outbox rows were claimed or tried.</returns>
    private Task<long> TouchedAsync(List<string> codes) =>
        TestPostgres.ScalarAsync<long>(Hub.ConnectionString, $"SELECT count(*) {RowsOf(codes)} AND (o.attempts > 0 OR o.claim_id IS NOT NULL)");

    /// <param name="aggregate"><c>min</c> or <c>max</c> of the attempts recorded on the dossiers' outbox rows.</param>
    private Task<int> AttemptsAsync(List<string> codes, string aggregate) =>
        TestPostgres.ScalarAsync<int>(Hub.ConnectionString, $"SELECT {aggregate}(o.attempts) {RowsOf(codes)}");

    private static string RowsOf(List<string> codes) =>
        $"FROM outbox_messages o JOIN dossiers d ON d.id = o.dossier_id WHERE d.code IN ({string.Join(", ", codes.Select(c => $"'{c}'"))})";
}
