using System.Text.Json;
using Grpc.Core;
using IntegrationHub.Sandbox.NationalPortal;
using IntegrationHub.V1;

namespace IntegrationHub.Tests.Integration;

/// <summary>An operator finds what the portal refused, sees why, fixes the cause and sends it again.</summary>
public sealed class DeadLetterTests : HubTest
{
    [Fact]
    public async Task A_refused_delivery_is_listed_with_its_dossier_and_reason()
    {
        var code = await RefusedDossierWithStepsAsync($"{TestAgencies.JusticeCode}-REFUSED-0001");

        var list = await Hub.Admin.ListDeadLettersAsync(new ListDeadLettersRequest { Target = "national-portal" });

        var letter = Assert.Single(list.DeadLetters);
        Assert.Equal(code, letter.DossierCode);
        Assert.Equal(TestAgencies.JusticeCode, letter.AgencyCode);
        Assert.Equal("dossier-create", letter.Kind);
        Assert.Equal(1, letter.DossierVersion);
        Assert.Contains("ChuHoSo: không hợp lệ", letter.Reason);
        Assert.Empty((await Hub.Admin.ListDeadLettersAsync(new ListDeadLettersRequest { AgencyCode = TestAgencies.ConstructionCode })).DeadLetters);
    }

    [Fact]
    public async Task Inspecting_a_dead_letter_shows_the_payload_sent_and_the_answer_received()
    {
        var code = await RefusedDossierWithStepsAsync($"{TestAgencies.JusticeCode}-REFUSED-0002");
        var id = (await Hub.Admin.ListDeadLettersAsync(new ListDeadLettersRequest())).DeadLetters.Single().Id;

        var letter = await Hub.Admin.GetDeadLetterAsync(new GetDeadLetterRequest { Id = id });

        Assert.Equal(code, JsonDocument.Parse(letter.Payload).RootElement.GetProperty("code").GetString());
        var answer = JsonDocument.Parse(letter.LastAnswer).RootElement;
        Assert.Equal("2", answer.GetProperty("error_code").GetString());
        Assert.Equal("ChuHoSo: không hợp lệ", answer.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Replaying_after_the_cause_is_fixed_delivers_the_dossier_and_its_waiting_steps_in_order()
    {
        var code = await RefusedDossierWithStepsAsync($"{TestAgencies.JusticeCode}-REFUSED-0003");
        var id = (await Hub.Admin.ListDeadLettersAsync(new ListDeadLettersRequest())).DeadLetters.Single().Id;
        Hub.Portal.AcceptDossier(code);

        var (exitCode, output) = await Hub.OperatorCommandAsync("dead-letters", "replay", id.ToString());

        Assert.Equal(0, exitCode);
        Assert.Contains("replayed 1 dead letter(s)", output);
        await Eventually.HoldsAsync(() => Hub.Portal.Records.Dossier(code) is { Progress.Count: 2 }, TimeSpan.FromSeconds(10), "delivered after the replay");
        var record = Hub.Portal.Records.Dossier(code)!;
        Assert.Equal(["2", "4"], record.Progress.Select(p => PortalContract.Text(p, "TrangThai")));
        Assert.Equal(["2", "4"], record.Syncs.Select(s => PortalContract.Text(s, "TrangThaiHoSo")));
        Assert.Empty((await Hub.Admin.ListDeadLettersAsync(new ListDeadLettersRequest())).DeadLetters);
    }

    [Fact]
    public async Task Replaying_all_of_a_target_sends_every_dead_letter_again()
    {
        var first = await RefusedDossierWithStepsAsync($"{TestAgencies.JusticeCode}-REFUSED-0004");
        var second = await RefusedDossierWithStepsAsync($"{TestAgencies.JusticeCode}-REFUSED-0005");
        Hub.Portal.AcceptDossier(first);
        Hub.Portal.AcceptDossier(second);

        var replayed = await Hub.Admin.ReplayDeadLettersAsync(new ReplayDeadLettersRequest { Target = "national-portal", All = true });

        Assert.Equal(2, replayed.Replayed);
        await Eventually.HoldsAsync(
            () => Hub.Portal.Records.Dossier(first) is { Progress.Count: 2 } && Hub.Portal.Records.Dossier(second) is { Progress.Count: 2 },
            TimeSpan.FromSeconds(10), "both delivered");
    }

    [Fact]
    public async Task The_backlog_shows_what_waits_and_for_how_long()
    {
        await RefusedDossierWithStepsAsync($"{TestAgencies.JusticeCode}-REFUSED-0006");

        var backlog = (await Hub.Admin.GetBacklogAsync(new GetBacklogRequest())).Targets.Single();

        Assert.Equal("national-portal", backlog.Target);
        Assert.Equal(1, backlog.DeadLettered);
        // Receipt's step, appraisal's sync and step: receipt changes no portal status for a counter-filed dossier.
        Assert.Equal(3, backlog.Pending);
        Assert.True(backlog.OldestPendingAgeSeconds > 0);
    }

    [Fact]
    public async Task The_backlog_counts_what_was_delivered_in_the_last_minute_and_nothing_waits()
    {
        var codes = Enumerable.Range(1, 3).Select(i => $"{TestAgencies.JusticeCode}-DELIVERED-{i:D4}").ToList();
        foreach (var code in codes)
        {
            await Hub.Justice.SubmitDossierAsync(Samples.Submission(code: code));
        }
        // The portal holds them before the hub has recorded its answers: the backlog is read once those are recorded.
        await Eventually.HoldsAsync(
            async () => codes.All(c => Hub.Portal.Records.Dossier(c) is not null)
                && (await Hub.Admin.GetBacklogAsync(new GetBacklogRequest())).Targets.Single() is { Pending: 0 },
            TimeSpan.FromSeconds(10), "all three delivered");

        var backlog = (await Hub.Admin.GetBacklogAsync(new GetBacklogRequest())).Targets.Single();

        Assert.Equal((0, 0, 0.0), (backlog.Pending, backlog.DeadLettered, backlog.OldestPendingAgeSeconds));
        Assert.Equal(3 / 60.0, backlog.DeliveredPerSecond, 6);
    }

    [Fact]
    public async Task Agency_systems_cannot_reach_dead_letters_and_operators_cannot_reach_dossiers()
    {
        var agency = await Assert.ThrowsAsync<RpcException>(() =>
            new AdminService.AdminServiceClient(Hub.Invoker(TestAgencies.JusticeKey)).ListDeadLettersAsync(new ListDeadLettersRequest()).ResponseAsync);
        var anonymous = await Assert.ThrowsAsync<RpcException>(() =>
            new AdminService.AdminServiceClient(Hub.Invoker(null)).GetBacklogAsync(new GetBacklogRequest()).ResponseAsync);
        var operatorOnDossiers = await Assert.ThrowsAsync<RpcException>(() =>
            Hub.Client(TestAgencies.OperatorKey).ListDossiersAsync(new ListDossiersRequest()).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, agency.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, operatorOnDossiers.StatusCode);
    }

    /// <summary>A dossier the portal refuses, with two steps waiting behind its first delivery.</summary>
    private async Task<string> RefusedDossierWithStepsAsync(string code)
    {
        Hub.Portal.RejectDossier(code, "ChuHoSo: không hợp lệ");
        await Hub.Justice.SubmitDossierAsync(Samples.Submission(code: code));
        await Hub.Justice.RecordProgressAsync(Samples.Step(code, ProgressAction.Receive, 1));
        await Hub.Justice.RecordProgressAsync(Samples.Step(code, ProgressAction.Appraise, 2));
        await Eventually.HoldsAsync(
            async () => (await Hub.Justice.GetDossierAsync(new GetDossierRequest { DossierCode = code })).Deliveries.Single().State == DeliveryState.DeadLettered,
            TimeSpan.FromSeconds(10), "dead-lettered");
        return code;
    }
}
