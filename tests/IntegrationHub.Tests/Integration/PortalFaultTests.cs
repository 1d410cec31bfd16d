using System.Diagnostics;
using IntegrationHub.Sandbox.Faults;
using IntegrationHub.Sandbox.NationalPortal;
using IntegrationHub.V1;

namespace IntegrationHub.Tests.Integration;

/// <summary>A national portal that is down, slow, refusing or talking nonsense delays deliveries but never loses, reorders or repeats them.</summary>
public sealed class PortalFaultTests : HubTest
{
    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Hub:Outbox:RecoveryProbeInterval"] = "00:00:01";
        // The hub gives up on a call after 1 s here, so that a slow or hanging portal is seen within the tests' waits.
        settings["Hub:Adapters:NationalPortal:AttemptTimeout"] = "00:00:01";
        settings["Hub:Adapters:NationalPortal:TotalTimeout"] = "00:00:03";
    }

    [Fact]
    public async Task A_portal_down_for_a_while_then_back_receives_everything_in_order_once()
    {
        Hub.Portal.Faults.Mode = FaultMode.Unavailable;
        Hub.Portal.Faults.Down = true;
        var codes = await SubmitWithStepsAsync(dossiers: 6, steps: 3);
        await Eventually.HoldsAsync(
            // HTTP 503, or on a loaded machine the attempt's time limit or the open circuit that follows.
            async () => (await DeliveryOf(codes[0])).LastError is { Length: > 0 },
            TimeSpan.FromSeconds(10), "the fault recorded on the dossier");
        var whileDown = await DeliveryOf(codes[0]);
        Assert.Equal(DeliveryState.Pending, whileDown.State);
        Assert.Equal(0, whileDown.DeliveredVersion);
        Assert.Empty(Hub.Portal.Records.Dossiers);

        Hub.Portal.Faults.Down = false;

        await AssertAllDeliveredInOrderOnceAsync(codes, steps: 3);
    }

    [Fact]
    public async Task A_backlog_waiting_out_long_backoffs_reaches_the_returned_portal_within_seconds_in_order_once()
    {
        Hub.Portal.Faults.Mode = FaultMode.Unavailable;
        Hub.Portal.Faults.Down = true;
        var codes = await SubmitWithStepsAsync(dossiers: 6, steps: 3);
        await OutboxRows.WaitingMinutesAsync(Hub.ConnectionString);

        Hub.Portal.Faults.Down = false;
        var back = Stopwatch.StartNew();

        // One row is tried within the probe interval; the portal taking it makes the rest due at once. Without
        // either, nothing would arrive for 10 minutes; with the probe alone, one row a second (24 rows).
        await Eventually.HoldsAsync(() => codes.All(c => Hub.Portal.Records.Dossier(c) is { Progress.Count: 3 }), TimeSpan.FromSeconds(30), "the backlog at the portal");
        Assert.True(back.Elapsed < TimeSpan.FromSeconds(10), $"the backlog took {back.Elapsed.TotalSeconds:0.0} s after the portal's return");
        await AssertAllDeliveredInOrderOnceAsync(codes, steps: 3);
    }

    [Fact]
    public async Task Malformed_answers_and_hangs_on_some_calls_delay_deliveries_without_losing_or_repeating_them()
    {
        Hub.Portal.Faults.Mode = FaultMode.MalformedBody;
        Hub.Portal.Faults.FailureRate = 0.4;
        var codes = await SubmitWithStepsAsync(dossiers: 5, steps: 3);
        await Task.Delay(500);
        Hub.Portal.Faults.Mode = FaultMode.Hang;
        await Task.Delay(1500);
        Hub.Portal.Faults.Reset();

        await AssertAllDeliveredInOrderOnceAsync(codes, steps: 3);
    }

    [Fact]
    public async Task Answers_lost_after_the_portal_took_the_call_do_not_make_any_change_take_effect_twice()
    {
        Hub.Portal.Faults.Mode = FaultMode.AnswerLost;
        Hub.Portal.Faults.FailureRate = 0.3;
        var codes = await SubmitWithStepsAsync(dossiers: 8, steps: 4);
        await Eventually.HoldsAsync(
            () => codes.All(c => Hub.Portal.Records.Dossier(c) is { Progress.Count: >= 4 }), TimeSpan.FromSeconds(60), "every step taken by the portal while answers are lost");
        Hub.Portal.Faults.Reset();

        await AssertAllDeliveredInOrderOnceAsync(codes, steps: 4);
        Assert.All(codes, code => Assert.Equal(0, Hub.Portal.Records.Dossier(code)!.RepeatedSyncs));
        // The hub asked the portal what it held instead of sending again blindly.
        Assert.Contains(Hub.Portal.Records.Calls, c => c.Service == "TraCuuHoSo");
    }

    // The portal takes longer over a step than the hub waits (1 s here): the call is in doubt, and still on its way.
    private static readonly TimeSpan SlowerThanTheHubWaits = TimeSpan.FromSeconds(2.5);

    [Fact]
    public async Task A_step_the_portal_takes_after_the_hub_stopped_waiting_is_looked_up_and_not_sent_again()
    {
        var code = await DeliveredDossierAsync();
        var landed = Hub.Portal.HoldNext("CapNhatTienDoHoSoMC", SlowerThanTheHubWaits);
        await Hub.Justice.RecordProgressAsync(Samples.Step(code, Samples.FiveSteps[0], 1));
        await Eventually.HoldsAsync(async () => (await DeliveryOf(code)).LastError is { Length: > 0 }, TimeSpan.FromSeconds(10), "the hub stopped waiting");

        // Neither its backoff nor the failing target's probe may try the row before the slow call has landed.
        await landed.WaitAsync(TimeSpan.FromSeconds(10));
        await AssertAllDeliveredInOrderOnceAsync([code], steps: 1);
        Assert.Contains(Hub.Portal.Records.Calls, c => c.IsAbout(code) && c.Service == "TraCuuHoSo");
    }

    [Fact]
    public async Task A_step_the_portal_answered_with_its_own_500_is_in_doubt_but_not_held_back_as_a_call_still_landing()
    {
        var code = await DeliveredDossierAsync();
        Hub.Portal.Faults.Down = true;
        await Hub.Justice.RecordProgressAsync(Samples.Step(code, Samples.FiveSteps[0], 1));
        await Eventually.HoldsAsync(async () => (await DeliveryOf(code)).LastError.Contains("HTTP 500"), TimeSpan.FromSeconds(10), "the portal's 500");

        // The portal answered: its work on the call is over, and a look-up tells the truth at once.
        Assert.Equal(1, await TestPostgres.ScalarAsync<long>(Hub.ConnectionString, "SELECT count(*) FROM outbox_messages WHERE status = 0 AND in_doubt"));
        Assert.Equal(0, await TestPostgres.ScalarAsync<long>(Hub.ConnectionString, "SELECT count(*) FROM outbox_messages WHERE in_flight_until IS NOT NULL"));
        Hub.Portal.Faults.Down = false;

        await AssertAllDeliveredInOrderOnceAsync([code], steps: 1);
        Assert.Contains(Hub.Portal.Records.Calls, c => c.IsAbout(code) && c.Service == "TraCuuHoSo");
    }

    [Fact]
    public async Task A_target_back_for_other_rows_leaves_a_row_in_doubt_waiting_until_its_call_has_landed()
    {
        var (slow, other) = (await DeliveredDossierAsync(), await DeliveredDossierAsync());
        var landed = Hub.Portal.HoldNext("CapNhatTienDoHoSoMC", SlowerThanTheHubWaits);
        await Hub.Justice.RecordProgressAsync(Samples.Step(slow, Samples.FiveSteps[0], 1));
        await Eventually.HoldsAsync(async () => (await DeliveryOf(slow)).LastError is { Length: > 0 }, TimeSpan.FromSeconds(10), "the hub stopped waiting");
        Hub.Portal.RefuseWritesWith("99", "Các lỗi khác");
        await Hub.Justice.RecordProgressAsync(Samples.Step(other, Samples.FiveSteps[0], 1));
        await Eventually.HoldsAsync(async () => (await DeliveryOf(other)).LastError.Contains("99"), TimeSpan.FromSeconds(10), "the other step refused");

        // The other step's retry goes through: the portal is back, and its waiting rows are made due, but not the one in doubt.
        Hub.Portal.AnswerWritesNormally();

        await landed.WaitAsync(TimeSpan.FromSeconds(10));
        await AssertAllDeliveredInOrderOnceAsync([slow, other], steps: 1);
    }

    [Fact]
    public async Task A_permanent_rejection_dead_letters_that_dossier_while_others_keep_flowing()
    {
        Hub.Portal.RejectDossier($"{TestAgencies.JusticeCode}-REJECTED-0001", "TrichYeuHoSo: chứa ký tự không hợp lệ");
        var rejected = (await Hub.Justice.SubmitDossierAsync(Samples.Submission(code: $"{TestAgencies.JusticeCode}-REJECTED-0001"))).DossierCode;
        await Hub.Justice.RecordProgressAsync(Samples.Step(rejected, ProgressAction.Receive, 1));
        var others = await SubmitWithStepsAsync(dossiers: 3, steps: 2);

        await AssertAllDeliveredInOrderOnceAsync(others, steps: 2);
        var delivery = await DeliveryOf(rejected);
        Assert.Equal(DeliveryState.DeadLettered, delivery.State);
        Assert.Contains("TrichYeuHoSo: chứa ký tự không hợp lệ", delivery.LastError);
        Assert.Equal(0, delivery.DeliveredVersion);
        Assert.Null(Hub.Portal.Records.Dossier(rejected));
        // The step waits behind the rejected sync rather than overtaking it.
        Assert.Equal(1, delivery.PendingCount);
    }

    [Fact]
    public async Task An_expired_session_is_replaced_by_a_new_login_and_the_delivery_goes_through()
    {
        var code = (await Hub.Justice.SubmitDossierAsync(Samples.Submission())).DossierCode;
        await Eventually.HoldsAsync(() => Hub.Portal.Records.Dossier(code) is not null, TimeSpan.FromSeconds(10), "first delivery");
        // Sessions used, not logins made, are counted: on a loaded host a login that outlasts the 1 s attempt is
        // sent again, and the portal counts both, but the hub only ever uses the session it was answered with.
        var first = Assert.Single(SessionsAccepted(Hub.Portal.Records.Calls));

        Hub.Portal.ExpireSessions();
        await Hub.Justice.RecordProgressAsync(Samples.Step(code, ProgressAction.Receive, 1));

        await Eventually.HoldsAsync(() => Hub.Portal.Records.Dossier(code) is { Progress.Count: 1 }, TimeSpan.FromSeconds(10), "the step after a new login");
        var calls = Hub.Portal.Records.Calls.ToList();
        var refused = calls.FindIndex(c => c.ErrorCode == PortalSimulator.Codes.SessionInvalid);
        Assert.True(refused >= 0, "no call was refused for its expired session");
        Assert.Equal(first, calls[refused].Session);
        var second = Assert.Single(SessionsAccepted(calls.Skip(refused)));
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task A_procedure_code_missing_from_the_national_catalogue_is_dead_lettered_with_the_reason()
    {
        var request = Samples.Submission();
        request.ProcedureCode = "9.999999";
        var code = (await Hub.Justice.SubmitDossierAsync(request)).DossierCode;

        await Eventually.HoldsAsync(async () => (await DeliveryOf(code)).State == DeliveryState.DeadLettered, TimeSpan.FromSeconds(10), "dead-lettered");
        Assert.Contains("9.999999 is not in the national catalogue", (await DeliveryOf(code)).LastError);
    }

    private async Task<string> DeliveredDossierAsync()
    {
        var code = (await Hub.Justice.SubmitDossierAsync(Samples.Submission())).DossierCode;
        await Eventually.HoldsAsync(async () => (await DeliveryOf(code)).State == DeliveryState.Delivered, TimeSpan.FromSeconds(10), "the dossier at the portal");
        return code;
    }

    private async Task<List<string>> SubmitWithStepsAsync(int dossiers, int steps)
    {
        var codes = new List<string>();
        for (var d = 0; d < dossiers; d++)
        {
            var code = (await Hub.Justice.SubmitDossierAsync(Samples.Submission())).DossierCode;
            for (var s = 0; s < steps; s++)
            {
                await Hub.Justice.RecordProgressAsync(Samples.Step(code, Samples.FiveSteps[s], s + 1));
            }
            codes.Add(code);
        }
        return codes;
    }

    private async Task AssertAllDeliveredInOrderOnceAsync(List<string> codes, int steps)
    {
        await Eventually.HoldsAsync(
            async () =>
            {
                foreach (var code in codes)
                {
                    if ((await DeliveryOf(code)).State != DeliveryState.Delivered)
                    {
                        return false;
                    }
                }
                return true;
            },
            TimeSpan.FromSeconds(30), "every dossier delivered");
        string[] expected = ["2", "4", "4", "9", "10"];
        foreach (var code in codes)
        {
            var record = Hub.Portal.Records.Dossier(code)!;
            Assert.Equal(expected[..steps], record.Progress.Select(p => PortalContract.Text(p, "TrangThai")));
            Assert.Equal(0, record.RepeatedProgress);
            var accepted = Hub.Portal.Records.Calls.Where(c => c.IsAbout(code) && c.ErrorCode == "00" && c.Service != "TraCuuHoSo").ToList();
            Assert.Equal(steps, accepted.Count(c => c.Service == "CapNhatTienDoHoSoMC"));
            // One create, then an update for each step that changes what the portal holds, each taken once.
            string[] syncStatuses = ["2", "2", "4", "4", "9", "10"];
            var expectedSyncs = syncStatuses[..(steps + 1)].Distinct().ToList();
            Assert.Equal(["False", .. Enumerable.Repeat("True", expectedSyncs.Count - 1)], accepted.Where(c => c.Service == "DongBoHoSoMC").Select(c => c.IsUpdating));
            Assert.Equal(expectedSyncs, record.Syncs.Select(s => PortalContract.Text(s, "TrangThaiHoSo")));
            Assert.Equal(expected[steps - 1], record.Status);
        }
        Assert.Empty(Hub.Portal.Records.Violations);
    }

    private static IEnumerable<string?> SessionsAccepted(IEnumerable<PortalCall> calls) =>
        calls.Where(c => c.ErrorCode == PortalSimulator.Codes.Success).Select(c => c.Session).Distinct();

    private async Task<TargetDelivery> DeliveryOf(string code) =>
        (await Hub.Justice.GetDossierAsync(new GetDossierRequest { DossierCode = code })).Deliveries.Single();
}
