using Grpc.Core;
using IntegrationHub.V1;
using static IntegrationHub.Sandbox.NationalPortal.PortalContract;

namespace IntegrationHub.Tests.Integration;

/// <summary>What the national portal receives says what happened to the dossier, checked at the simulated portal's wire.</summary>
public sealed class PortalTruthTests : HubTest
{
    [Fact]
    public async Task A_dossier_filed_online_is_new_until_received_and_one_filed_at_the_counter_is_received_from_the_start()
    {
        var online = Samples.Submission();
        online.Channel = Channel.Online;
        var onlineCode = (await Hub.Justice.SubmitDossierAsync(online)).DossierCode;
        var counterCode = (await Hub.Justice.SubmitDossierAsync(Samples.Submission())).DossierCode;
        await Hub.Justice.RecordProgressAsync(Samples.Step(onlineCode, ProgressAction.Receive, 1));

        await Eventually.HoldsAsync(() => Hub.Portal.Records.Dossier(onlineCode) is { Progress.Count: 1 } && Hub.Portal.Records.Dossier(counterCode) is not null,
            TimeSpan.FromSeconds(10), "both at the portal");
        Assert.Equal(["1", "2"], Hub.Portal.Records.Dossier(onlineCode)!.Syncs.Select(s => Text(s, "TrangThaiHoSo")));
        Assert.Equal("2", Text(Hub.Portal.Records.Dossier(counterCode)!.Latest, "TrangThaiHoSo"));
    }

    [Fact]
    public async Task A_level_4_dossier_waiting_for_its_fee_awaits_its_financial_obligation_until_paid()
    {
        var code = (await Hub.Justice.SubmitDossierAsync(Samples.Level4())).DossierCode;
        await Hub.Justice.RecordProgressAsync(Samples.Step(code, ProgressAction.Receive, 1));

        await Eventually.HoldsAsync(() => Hub.Portal.Records.Dossier(code) is { Progress.Count: 1 }, TimeSpan.FromSeconds(10), "received at the portal");
        var record = Hub.Portal.Records.Dossier(code)!;
        Assert.Equal(["1", "6"], record.Syncs.Select(s => Text(s, "TrangThaiHoSo")));
        Assert.Equal("6", Text(record.Progress.Single(), "TrangThai"));
    }

    [Theory]
    [InlineData(0, "3")]
    [InlineData(2, "8")]
    public async Task A_rejection_at_intake_is_refused_at_intake_and_one_after_appraisal_is_processing_stopped(int stepsBefore, string code)
    {
        var online = Samples.Submission();
        online.Channel = Channel.Online;
        var dossier = (await Hub.Justice.SubmitDossierAsync(online)).DossierCode;
        for (var i = 0; i < stepsBefore; i++)
        {
            await Hub.Justice.RecordProgressAsync(Samples.Step(dossier, Samples.FiveSteps[i], i + 1));
        }

        await Hub.Justice.RecordProgressAsync(Samples.Step(dossier, ProgressAction.Reject, 10, note: "Không đủ điều kiện"));

        await Eventually.HoldsAsync(() => Hub.Portal.Records.Dossier(dossier) is { Progress.Count: var n } && n == stepsBefore + 1, TimeSpan.FromSeconds(10), "the rejection at the portal");
        var record = Hub.Portal.Records.Dossier(dossier)!;
        Assert.Equal(code, Text(record.Latest, "TrangThaiHoSo"));
        Assert.Equal(code, Text(record.Progress[^1], "TrangThai"));
        Assert.Equal("20261120094000", Text(record.Latest, "NgayTuChoi"));
    }

    [Fact]
    public async Task A_supplement_round_reaches_the_portal_with_what_is_missing_and_the_due_dates_before_and_after()
    {
        var code = (await Hub.Justice.SubmitDossierAsync(Samples.Submission())).DossierCode;
        await Hub.Justice.RecordProgressAsync(Samples.Step(code, ProgressAction.Receive, 1));
        await Hub.Justice.RecordProgressAsync(Samples.Step(code, ProgressAction.RequestSupplement, 2, note: "Thiếu bản sao giấy chứng sinh"));
        await Eventually.HoldsAsync(() => Hub.Portal.Records.Dossier(code) is { Status: "5" }, TimeSpan.FromSeconds(10), "the request at the portal");
        var asked = Hub.Portal.Records.Dossier(code)!.Latest["DanhSachHoSoBoSung"]!.AsArray().Single()!.AsObject();

        await Hub.Justice.RecordProgressAsync(Samples.Step(code, ProgressAction.ReceiveSupplement, 60));

        await Eventually.HoldsAsync(() => Hub.Portal.Records.Dossier(code) is { Status: "4" }, TimeSpan.FromSeconds(10), "the papers received, at the portal");
        var received = Hub.Portal.Records.Dossier(code)!.Latest["DanhSachHoSoBoSung"]!.AsArray().Single()!.AsObject();
        Assert.Equal(("Trần Thị Hoa", "Thiếu bản sao giấy chứng sinh", "20261120093200", "0", "20261123093000"),
            (Text(asked, "NguoiYeuCauBoSung"), Text(asked, "NoiDungBoSung"), Text(asked, "NgayBoSung"), Text(asked, "TrangThaiBoSung"), Text(asked, "NgayHenTraTruoc")));
        Assert.Null(asked["NgayHenTraMoi"]);
        Assert.Equal(("1", "20261120103000", "20261123093000", Text(asked, "HoSoBoSungId")),
            (Text(received, "TrangThaiBoSung"), Text(received, "NgayTiepNhanBoSung"), Text(received, "NgayHenTraMoi"), Text(received, "HoSoBoSungId")));
    }

    /// <summary>Received four days later (Friday to Tuesday): the two working days waited move the due date the portal hears.</summary>
    [Fact]
    public async Task The_working_days_waited_for_the_papers_move_the_due_date_the_portal_hears()
    {
        var code = (await Hub.Justice.SubmitDossierAsync(Samples.Submission())).DossierCode;
        await Hub.Justice.RecordProgressAsync(Samples.Step(code, ProgressAction.Receive, 1));
        await Hub.Justice.RecordProgressAsync(Samples.Step(code, ProgressAction.RequestSupplement, 2, note: "Thiếu bản sao giấy chứng sinh"));

        await Hub.Justice.RecordProgressAsync(Samples.Step(code, ProgressAction.ReceiveSupplement, 4 * 24 * 60));

        await Eventually.HoldsAsync(() => Hub.Portal.Records.Dossier(code) is { Status: "4" }, TimeSpan.FromSeconds(10), "the papers received, at the portal");
        var received = Hub.Portal.Records.Dossier(code)!.Latest["DanhSachHoSoBoSung"]!.AsArray().Single()!.AsObject();
        Assert.Equal(("20261123093000", "20261125093000"), (Text(received, "NgayHenTraTruoc"), Text(received, "NgayHenTraMoi")));
    }

    [Theory]
    [InlineData(ApplicantKind.StateAgency, "000.00.05.H22", "3")]
    [InlineData(ApplicantKind.Organisation, "15/QĐ-UBND", "4")]
    public async Task A_state_agency_or_another_organisation_is_its_own_applicant_kind(ApplicantKind kind, string idNumber, string loaiDoiTuong)
    {
        var submission = Samples.Submission();
        submission.Applicant = new Applicant { Kind = kind, IdNumber = idNumber, Name = "Hội Chữ thập đỏ xã Ngọc Đường" };

        var code = (await Hub.Justice.SubmitDossierAsync(submission)).DossierCode;

        await Eventually.HoldsAsync(() => Hub.Portal.Records.Dossier(code) is not null, TimeSpan.FromSeconds(10), "at the portal");
        var held = Hub.Portal.Records.Dossier(code)!.Latest;
        Assert.Equal((loaiDoiTuong, idNumber, "Hội Chữ thập đỏ xã Ngọc Đường"), (Text(held, "LoaiDoiTuong"), Text(held, "SoGiayToChuHoSo"), Text(held, "ChuHoSo")));
        Assert.Null(held["DinhDanhCHS"]);
        Assert.Null(held["DSKetNoiCSDL"]);
    }

    [Fact]
    public async Task A_citizen_checked_against_the_population_database_credits_that_look_up_to_the_portal()
    {
        var code = (await Hub.Justice.SubmitDossierAsync(People.SubmissionFor(People.IdentityOf(People.Citizen(140))))).DossierCode;

        await Eventually.HoldsAsync(() => Hub.Portal.Records.Dossier(code) is not null, TimeSpan.FromSeconds(10), "at the portal");
        Assert.Equal(["7"], Hub.Portal.Records.Dossier(code)!.Latest["DSKetNoiCSDL"]!.AsArray().Select(d => Text(d!.AsObject(), "MaCSDL")));
    }

    [Fact]
    public async Task A_result_cannot_be_attached_before_the_dossier_is_signed_and_the_portal_receives_none()
    {
        var code = (await Hub.Justice.SubmitDossierAsync(Samples.Submission())).DossierCode;
        foreach (var (action, minutes) in new[] { (ProgressAction.Receive, 1), (ProgressAction.Appraise, 2), (ProgressAction.Approve, 3) })
        {
            await Hub.Justice.RecordProgressAsync(Samples.Step(code, action, minutes));
        }

        var error = await Assert.ThrowsAsync<RpcException>(() => Hub.Justice.AttachResultAsync(Samples.Result(code)).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("is Approved; a result is attached once the dossier is signed", error.Status.Detail);
        var dossier = await Hub.Justice.GetDossierAsync(new GetDossierRequest { DossierCode = code });
        Assert.Empty(dossier.Results);
        await Eventually.HoldsAsync(async () => (await Hub.Justice.GetDossierAsync(new GetDossierRequest { DossierCode = code })).Deliveries.Single().PendingCount == 0,
            TimeSpan.FromSeconds(10), "every change delivered");
        Assert.All(Hub.Portal.Records.Dossier(code)!.Syncs, s => Assert.Null(s["DanhSachGiayToKetQua"]));
    }

    [Fact]
    public async Task An_agency_dossier_code_without_the_agency_prefix_the_portal_requires_is_invalid_and_nothing_is_stored()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Hub.Justice.SubmitDossierAsync(Samples.Submission(code: "HG-TP-2026-000124")).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("dossier_code: must begin with the agency's identifier code and a dash (000.00.01.H22-...), as the national portal requires", error.Status.Detail);
        Assert.Empty((await Hub.Justice.ListDossiersAsync(new ListDossiersRequest())).Dossiers);
    }

    [Theory]
    [InlineData("99", "Các lỗi khác")]
    [InlineData("17", "Hệ thống đang bận, vui lòng thử lại sau")]
    public async Task A_portal_error_of_its_own_is_retried_and_the_dossier_is_delivered_when_it_passes(string errorCode, string message)
    {
        Hub.Portal.RefuseWritesWith(errorCode, message);
        var code = (await Hub.Justice.SubmitDossierAsync(Samples.Submission())).DossierCode;
        await Eventually.HoldsAsync(async () => (await Hub.Justice.GetDossierAsync(new GetDossierRequest { DossierCode = code })).Deliveries.Single().LastError.Contains(errorCode),
            TimeSpan.FromSeconds(10), "the portal's error recorded");

        Hub.Portal.AnswerWritesNormally();

        await Eventually.HoldsAsync(() => Hub.Portal.Records.Dossier(code) is not null, TimeSpan.FromSeconds(10), "delivered once the portal recovers");
        Assert.Empty((await Hub.Admin.ListDeadLettersAsync(new ListDeadLettersRequest())).DeadLetters);
    }

    [Fact]
    public async Task Every_call_asks_for_a_json_answer()
    {
        var code = (await Hub.Justice.SubmitDossierAsync(Samples.Submission())).DossierCode;

        await Eventually.HoldsAsync(() => Hub.Portal.Records.Dossier(code) is not null, TimeSpan.FromSeconds(10), "at the portal");
        Assert.NotEmpty(Hub.Portal.Records.Calls);
        Assert.All(Hub.Portal.Records.Calls, c => Assert.Equal("application/json", c.Accept));
    }
}
