using System.Diagnostics;
using IntegrationHub.Sandbox.NationalPortal;
using IntegrationHub.V1;
using Xunit.Abstractions;

namespace IntegrationHub.Tests.Integration;

/// <summary>
/// The hub as more than one instance on one database: agency systems write through either, the portal hears each
/// change once and in order whichever instance delivers it and even when one dies mid-dispatch, the exchange log
/// stays one chain, and a watcher on one instance sees what was committed through the other at once.
/// </summary>
public sealed class HubClusterTests(ITestOutputHelper output)
{
    private const int Dossiers = 24;
    private const int Steps = 3;

    [Fact]
    public async Task Changes_written_through_two_hubs_one_killed_mid_dispatch_reach_the_portal_exactly_once_in_order_and_the_exchange_log_stays_one_chain()
    {
        using var systems = new ProcessSystems();
        var portal = systems.Portal;
        // A slow portal keeps deliveries in flight on both instances when one dies.
        portal.Faults.Latency = TimeSpan.FromMilliseconds(40);
        var settings = await systems.SettingsAsync();
        var lease = TimeSpan.Parse(settings["Hub:Outbox:ClaimLease"]!, System.Globalization.CultureInfo.InvariantCulture);
        using var killed = await HubProcess.StartAsync(settings);
        using var survivor = await HubProcess.StartAsync(settings);
        var (a, b) = (killed.Justice, survivor.Justice);
        var codes = new List<string>();
        for (var d = 0; d < Dossiers; d++)
        {
            // Each dossier is submitted through one instance and its steps recorded through the other.
            var (submit, record) = d % 2 == 0 ? (a, b) : (b, a);
            codes.Add(await HubProcess.SubmitWithStepsAsync(submit, record, Steps));
        }
        await Eventually.HoldsAsync(() => portal.Records.Calls.Count >= 20, TimeSpan.FromSeconds(30), "dispatch under way");

        killed.Kill();
        var since = Stopwatch.StartNew();

        await Eventually.HoldsAsync(
            () => codes.All(c => portal.Records.Dossier(c) is { Progress.Count: Steps }), TimeSpan.FromSeconds(60), "every change at the portal");
        output.WriteLine($"every change at the portal {since.Elapsed.TotalSeconds:0.0} s after the kill (claim lease {lease.TotalSeconds:0} s)");
        // Rows the killed instance had claimed wait out its lease, then the survivor takes them.
        Assert.True(since.Elapsed < lease + TimeSpan.FromSeconds(15), $"taken over in {since.Elapsed.TotalSeconds:0.0} s");
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Empty(portal.Records.Violations);
        foreach (var code in codes)
        {
            var record = portal.Records.Dossier(code)!;
            Assert.Equal(["2", "4", "4"], record.Progress.Select(p => PortalContract.Text(p, "TrangThai")));
            Assert.Equal(0, record.RepeatedProgress);
            Assert.Equal(0, record.RepeatedSyncs);
        }
        var audit = new AuditService.AuditServiceClient(survivor.Invoker(TestAgencies.OperatorKey));
        var report = await audit.VerifyExchangeLogAsync(new VerifyExchangeLogRequest(), deadline: HubProcess.Deadline());
        Assert.True(report.Intact, report.Problem);
        Assert.True(report.EntriesChecked >= Dossiers * (1 + Steps), $"{report.EntriesChecked} entries checked");
    }

    [Fact]
    public async Task A_watcher_on_one_hub_sees_an_event_committed_through_the_other_within_two_seconds_though_neither_polls_for_a_minute()
    {
        static void Slow(Dictionary<string, string?> settings) => settings["Hub:Events:PollInterval"] = "00:01:00";
        await using var first = await HubHost.StartAsync(Slow);
        await using var second = await HubHost.StartAsync(settings =>
        {
            Slow(settings);
            settings["ConnectionStrings:Hub"] = first.ConnectionString;
            settings["ConnectionStrings:HubOwner"] = TestPostgres.Owner(first.ConnectionString);
            settings["Hub:Adapters:NationalPortal:BaseUrl"] = first.Portal.Url;
        });
        // Both instances are up and listening before the change.
        await Task.Delay(TimeSpan.FromSeconds(1));
        var watching = EventWatch.ReadAsync(second.Justice, after: 0, count: 1, within: TimeSpan.FromSeconds(2));

        var code = (await first.Justice.SubmitDossierAsync(Samples.Submission())).DossierCode;

        var seen = Assert.Single(await watching);
        Assert.Equal((code, DossierEventType.Submitted), (seen.DossierCode, seen.Type));
    }
}
