using Grpc.Core;
using IntegrationHub.V1;
using static IntegrationHub.Sandbox.NationalPortal.PortalContract;

namespace IntegrationHub.Tests.Integration;

/// <summary>RescheduleDossier: the agency's apology for a late dossier, with a new due date.</summary>
public sealed class RescheduleTests : HubTest
{
    private static readonly DateTimeOffset NewDueAt = new(2030, 1, 15, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_new_due_date_is_kept_beside_the_promised_one_with_its_reason()
    {
        var code = await SubmitAsync();

        var answer = await Hub.Justice.RescheduleDossierAsync(Samples.Reschedule(code, NewDueAt, "chờ xác minh"));

        Assert.Equal((Samples.ReceivedAt.AddDays(3), NewDueAt, 2), (answer.DueAt.ToDateTimeOffset(), answer.RescheduledDueAt.ToDateTimeOffset(), answer.Version));
        var dossier = await Hub.Justice.GetDossierAsync(new GetDossierRequest { DossierCode = code });
        Assert.Equal((Samples.ReceivedAt.AddDays(3), NewDueAt, "chờ xác minh"),
            (dossier.DueAt.ToDateTimeOffset(), dossier.RescheduledDueAt.ToDateTimeOffset(), dossier.RescheduleReason));
    }

    [Fact]
    public async Task The_portal_receives_the_apology_and_the_new_date_as_a_step_and_keeps_the_promised_date()
    {
        var code = await SubmitAsync();
        await Hub.Justice.RecordProgressAsync(Samples.Step(code, ProgressAction.Receive, 1));

        await Hub.Justice.RescheduleDossierAsync(Samples.Reschedule(code, NewDueAt, "chờ xác minh"));

        await Eventually.HoldsAsync(() => Hub.Portal.Records.Dossier(code) is { Progress.Count: 2 }, TimeSpan.FromSeconds(10), "the apology at the portal");
        var record = Hub.Portal.Records.Dossier(code)!;
        var apology = record.Progress[1];
        Assert.Equal("Xin lỗi và hẹn lại ngày trả kết quả: 15/01/2030. Lý do: chờ xác minh", Text(apology, "NoiDungXuLy"));
        Assert.Equal("20300115100000", Text(apology, "NgayKetThucTheoQuyDinh"));
        Assert.Equal("2", Text(apology, "TrangThai"));
        Assert.Equal(TestAgencies.JusticeName, Text(apology, "NguoiXuLy"));
        // On-time figures are measured against the date promised at receipt.
        Assert.Equal("20261123093000", Text(record.Latest, "NgayHenTra"));
        // The sync at submit only: neither receipt at the counter nor the apology changes what the portal holds of the dossier.
        Assert.Single(record.Syncs);
    }

    [Fact]
    public async Task The_agency_sees_a_rescheduled_event_carrying_the_new_date()
    {
        var code = await SubmitAsync();

        await Hub.Justice.RescheduleDossierAsync(Samples.Reschedule(code, NewDueAt));

        // The portal's acceptance of the submit may come before or after it.
        var rescheduled = await EventWatch.FirstAsync(Hub.Justice, e => e.Type != DossierEventType.Submitted && e.Type != DossierEventType.Delivered);
        Assert.Equal((DossierEventType.DueDateRescheduled, code, "2030-01-15T03:00:00Z"), (rescheduled.Type, rescheduled.DossierCode, rescheduled.Detail));
    }

    [Fact]
    public async Task A_new_date_not_after_the_current_one_is_invalid_and_changes_nothing()
    {
        var code = await SubmitAsync();
        await Hub.Justice.RescheduleDossierAsync(Samples.Reschedule(code, NewDueAt));

        var error = await Assert.ThrowsAsync<RpcException>(() => Hub.Justice.RescheduleDossierAsync(Samples.Reschedule(code, NewDueAt.AddDays(-1))).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("new_due_at: must be after the current due date", error.Status.Detail);
        var dossier = await Hub.Justice.GetDossierAsync(new GetDossierRequest { DossierCode = code });
        Assert.Equal((NewDueAt, 2), (dossier.RescheduledDueAt.ToDateTimeOffset(), dossier.Version));
    }

    [Fact]
    public async Task A_reschedule_without_a_reason_is_invalid()
    {
        var code = await SubmitAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => Hub.Justice.RescheduleDossierAsync(Samples.Reschedule(code, NewDueAt, reason: "")).ResponseAsync);

        Assert.Equal((StatusCode.InvalidArgument, "reason: is required"), (error.StatusCode, error.Status.Detail));
    }

    [Fact]
    public async Task A_dossier_whose_result_is_signed_cannot_be_rescheduled()
    {
        var code = await SubmitAsync();
        foreach (var (action, minute) in new[] { (ProgressAction.Receive, 1), (ProgressAction.Appraise, 2), (ProgressAction.Approve, 3), (ProgressAction.Sign, 4) })
        {
            await Hub.Justice.RecordProgressAsync(Samples.Step(code, action, minute));
        }

        var error = await Assert.ThrowsAsync<RpcException>(() => Hub.Justice.RescheduleDossierAsync(Samples.Reschedule(code, NewDueAt)).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
    }

    private async Task<string> SubmitAsync() => (await Hub.Justice.SubmitDossierAsync(Samples.Submission())).DossierCode;
}
