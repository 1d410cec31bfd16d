using IntegrationHub.Hub.NationalPortal;
using IntegrationHub.V1;

namespace IntegrationHub.Tests.Integration;

/// <summary>
/// The hub compares what the national portal holds (TraCuuHoSo) with its own dossiers and sends differences again
/// through the outbox: found by the operator's command or the job, re-sent once, counted in /metrics.
/// </summary>
public sealed class PortalReconciliationTests : HubTest
{
    private static readonly HttpClient Http = new();

    [Fact]
    public async Task A_difference_injected_at_the_portal_is_found_listed_re_sent_and_gone_on_the_next_run()
    {
        var code = await ReceivedAtThePortalAsync();
        var record = Hub.Portal.Records.Dossier(code)!;
        var held = record.Latest;
        record.Overwrite("TrangThaiHoSo", "1");
        record.Overwrite("NgayHenTra", "20300101000000");

        var (exitCode, output) = await Hub.OperatorCommandAsync("portal", "reconcile", "--dossier", code);

        Assert.Equal(1, exitCode);
        Assert.Contains($"TrangThaiHoSo: portal 1, hub {held["TrangThaiHoSo"]}", output);
        Assert.Contains($"NgayHenTra: portal 20300101000000, hub {held["NgayHenTra"]}", output);
        await Eventually.HoldsAsync(() => Hub.Portal.Records.Dossier(code)!.Syncs.Count == 2, TimeSpan.FromSeconds(10), "the hub's version sent again");
        Assert.Equal((held["TrangThaiHoSo"]!.ToString(), held["NgayHenTra"]!.ToString()),
            (record.Latest["TrangThaiHoSo"]!.ToString(), record.Latest["NgayHenTra"]!.ToString()));
        Assert.All(Hub.Portal.Records.Calls.Where(c => c.Service == "DongBoHoSoMC" && c.IsAbout(code)).Skip(1), call => Assert.Equal("True", call.IsUpdating));
        var again = await Hub.OperatorCommandAsync("portal", "reconcile", "--dossier", code);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("0 differing", again.Output);
        var series = (await Http.GetStringAsync($"{Hub.HttpAddress}/metrics")).Split('\n')
            .Single(l => l.StartsWith("hub_portal_differences_total{", StringComparison.Ordinal) && l.Contains($"agency=\"{TestAgencies.JusticeCode}\""));
        Assert.Equal("1", series.Split('}')[1].Trim().Split(' ')[0]);
    }

    [Fact]
    public async Task The_job_finds_a_dossier_the_portal_lost_and_sends_it_again_once()
    {
        var code = await ReceivedAtThePortalAsync();
        var agreeing = await ReceivedAtThePortalAsync();
        Hub.Portal.Records.Dossier(code)!.Overwrite("TrangThaiHoSo", "3");

        await Hub.RunOnceAsync(PortalReconciliationJob.Key);
        await Eventually.HoldsAsync(() => Hub.Portal.Records.Dossier(code)!.Syncs.Count == 2, TimeSpan.FromSeconds(10), "the hub's version sent again");
        await Hub.RunOnceAsync(PortalReconciliationJob.Key);

        Assert.Equal(2, Hub.Portal.Records.Dossier(code)!.Syncs.Count);
        Assert.Single(Hub.Portal.Records.Dossier(agreeing)!.Syncs);
    }

    private async Task<string> ReceivedAtThePortalAsync()
    {
        var code = (await Hub.Justice.SubmitDossierAsync(Samples.Submission())).DossierCode;
        await Hub.Justice.RecordProgressAsync(Samples.Step(code, ProgressAction.Receive, 1));
        await Eventually.HoldsAsync(() => Hub.Portal.Records.Dossier(code) is { Progress.Count: 1 }, TimeSpan.FromSeconds(10), "the dossier at the portal");
        return code;
    }
}
