using IntegrationHub.Sandbox.Faults;
using IntegrationHub.Sandbox.NationalPortal;
using Xunit.Abstractions;

namespace IntegrationHub.Tests.Integration;

/// <summary>
/// The hub process dies (kill -9) in the middle of dispatching, with calls sent and not yet recorded and
/// answers being lost; a new one on the same database finishes the work, each change taking effect once.
/// </summary>
public sealed class CrashRecoveryTests(ITestOutputHelper output)
{
    private const int Dossiers = 40;
    private const int Steps = 4;

    [Fact]
    public async Task A_hub_killed_during_dispatch_with_answers_lost_and_started_again_delivers_every_change_exactly_once_in_order()
    {
        using var systems = new ProcessSystems();
        var portal = systems.Portal;
        // A slow portal keeps many deliveries in flight when the process dies, and loses some answers after taking the call.
        portal.Faults.Latency = TimeSpan.FromMilliseconds(30);
        portal.Faults.Mode = FaultMode.AnswerLost;
        portal.Faults.FailureRate = 0.3;
        var settings = await systems.SettingsAsync();
        var codes = new List<string>();

        using (var first = await HubProcess.StartAsync(settings))
        {
            var client = first.Justice;
            for (var d = 0; d < Dossiers; d++)
            {
                codes.Add(await HubProcess.SubmitWithStepsAsync(client, client, Steps));
            }
            await Eventually.HoldsAsync(() => portal.Records.Calls.Count >= 60, TimeSpan.FromSeconds(30), "dispatch under way");
            first.Kill();
        }
        var beforeRestart = Writes(portal).Count;
        var lostBeforeRestart = portal.Faults.AnswersLost;
        Assert.True(beforeRestart < Dossiers * (2 * Steps + 1), "the kill should come before everything was delivered");
        portal.Faults.Reset();

        using (var second = await HubProcess.StartAsync(settings))
        {
            await Eventually.HoldsAsync(
                () => codes.All(c => portal.Records.Dossier(c) is { Progress.Count: >= Steps, Status: "9" }),
                TimeSpan.FromSeconds(90), "every change at the portal after the restart");
            // Anything sent twice would arrive within the claims' lease after the last delivery.
            await Task.Delay(TimeSpan.FromSeconds(3));
        }

        output.WriteLine($"accepted before the kill: {beforeRestart}, answers lost before it: {lostBeforeRestart}, look-ups after the restart: {portal.Records.Calls.Count(c => c.Service == "TraCuuHoSo")}");
        Assert.True(lostBeforeRestart > 0, "some answers should have been lost before the kill");
        Assert.Empty(portal.Records.Violations);
        foreach (var code in codes)
        {
            var record = portal.Records.Dossier(code)!;
            Assert.Equal(["2", "4", "4", "9"], record.Progress.Select(p => PortalContract.Text(p, "TrangThai")));
            // Received at the counter (2), appraised (4), signed (9); receipt and approval change no portal status.
            Assert.Equal(["2", "4", "9"], record.Syncs.Select(s => PortalContract.Text(s, "TrangThaiHoSo")));
            // Every write the portal took, lost answers included: one create, two updates and four steps, each once.
            var writes = Writes(portal).Where(c => c.IsAbout(code)).ToList();
            Assert.Equal(["False", "True", "True"], writes.Where(c => c.Service == "DongBoHoSoMC").Select(c => c.IsUpdating));
            Assert.Equal(Steps, writes.Count(c => c.Service == "CapNhatTienDoHoSoMC"));
        }
    }

    private static List<PortalCall> Writes(PortalSimulator portal) =>
        [.. portal.Records.Calls.Where(c => c.ErrorCode == PortalSimulator.Codes.Success && c.Service is "DongBoHoSoMC" or "CapNhatTienDoHoSoMC")];
}
