using IntegrationHub.Adapters;
using IntegrationHub.V1;
using static IntegrationHub.Sandbox.NationalPortal.PortalContract;

namespace IntegrationHub.Tests.Integration;

/// <summary>A dossier's way through the hub to the national portal, as an agency system drives it.</summary>
public sealed class DossierLifecycleTests : HubTest
{
    [Fact]
    public async Task A_dossier_through_all_five_steps_reaches_the_portal_with_every_field_and_the_steps_in_order()
    {
        var submission = Samples.Submission();
        submission.ReceiptNumber = "BN-2026-000125";
        submission.ResultDelivery = ResultDelivery.ByPost;
        submission.Documents[0].Digitised = true;
        var submitted = await Hub.Justice.SubmitDossierAsync(submission);
        var code = submitted.DossierCode;
        for (var i = 0; i < Samples.FiveSteps.Length; i++)
        {
            await Hub.Justice.RecordProgressAsync(Samples.Step(code, Samples.FiveSteps[i], 10 * (i + 1), note: i == 1 ? "Hồ sơ hợp lệ" : null));
            if (Samples.FiveSteps[i] == ProgressAction.Sign)
            {
                await Hub.Justice.AttachResultAsync(Samples.Result(code));
            }
        }

        await Eventually.HoldsAsync(() => Hub.Portal.Records.Dossier(code) is { Progress.Count: 5, Status: "10" }, TimeSpan.FromSeconds(15), "all five steps at the portal");
        var record = Hub.Portal.Records.Dossier(code)!;
        var latest = record.Latest;
        Assert.Equal(code, Text(latest, "MaHoSo"));
        Assert.Equal("1.000894", Text(latest, "MaTTHC"));
        Assert.Equal("Đăng ký khai sinh", Text(latest, "TenTTHC"));
        Assert.Equal("G09-TP03", Text(latest, "MaLinhVuc"));
        Assert.Equal("Hộ tịch", Text(latest, "TenLinhVuc"));
        Assert.Equal("1", Text(latest, "KenhThucHien"));
        Assert.Equal("BN-2026-000125", Text(latest, "SoBienNhan"));
        Assert.Equal("Nguyễn Văn An", Text(latest, "ChuHoSo"));
        Assert.Equal("1", Text(latest, "LoaiDoiTuong"));
        Assert.Equal(Samples.CitizenId, Text(latest, "SoGiayToChuHoSo"));
        Assert.Equal("an.nguyen@example.vn", Text(latest, "Email"));
        Assert.Equal("0912345678", Text(latest, "SoDienThoai"));
        Assert.Equal(submission.Summary, Text(latest, "TrichYeuHoSo"));
        // 02:30 UTC is 09:30 in Hà Giang.
        Assert.Equal("20261120093000", Text(latest, "NgayTiepNhan"));
        Assert.Equal("20261123093000", Text(latest, "NgayHenTra"));
        Assert.Equal("10", Text(latest, "TrangThaiHoSo"));
        // Filed at the counter, the result goes back by post.
        Assert.Equal("1", Text(latest, "HinhThuc"));
        Assert.Equal("1", Text(latest, "HoSoCoThanhPhanSoHoa"));
        Assert.Equal("0", Text(latest, "DuocThanhToanTrucTuyen"));
        Assert.Equal(TestAgencies.JusticeName, Text(latest, "DonViXuLy"));
        Assert.Equal("20261120101000", Text(latest, "NgayKetThucXuLy"));
        Assert.Equal("20261120102000", Text(latest, "NgayTra"));
        var document = latest["TaiLieuNop"]!.AsArray().Single()!.AsObject();
        Assert.Equal("Tờ khai đăng ký khai sinh", Text(document, "TenTepDinhKem"));
        Assert.Equal("TP01", Text(document, "MaThanhPhanHoSo"));
        Assert.Equal("https://files.hagiang.gov.vn/hs/tk-khai-sinh.pdf", Text(document, "DuongDanTaiTepTin"));
        Assert.Equal(("1", "0", "0"), (Text(document, "DuocSoHoa"), Text(document, "DuocTaiSuDung"), Text(document, "DuocLayTuKhoDMQG")));
        var fee = latest["DanhSachLePhi"]!.AsArray().Single()!.AsObject();
        Assert.Equal("8000", Text(fee, "Gia"));
        Assert.Equal("2", Text(fee, "LoaiPhiLePhi"));
        // Paid at the counter, not online.
        Assert.Equal("1", Text(fee, "HinhThucThu"));
        var result = latest["DanhSachGiayToKetQua"]!.AsArray().Single()!.AsObject();
        Assert.Equal("Giấy khai sinh", Text(result, "TenGiayTo"));
        Assert.Equal("https://files.hagiang.gov.vn/kq/125-gks.pdf", Text(result, "DuongDanTepTinKetQua"));
        Assert.Equal("KQ-GKS", Text(result, "MaGiayToKetQua"));

        Assert.Equal(["2", "4", "4", "9", "10"], record.Progress.Select(p => Text(p, "TrangThai")));
        Assert.Equal(
            ["Tiếp nhận hồ sơ", "Thẩm định hồ sơ: Hồ sơ hợp lệ", "Phê duyệt kết quả", "Ký số kết quả", "Trả kết quả"],
            record.Progress.Select(p => Text(p, "NoiDungXuLy")));
        Assert.Equal(["20261120094000", "20261120095000", "20261120100000", "20261120101000", "20261120102000"], record.Progress.Select(p => Text(p, "ThoiDiemXuLy")));
        Assert.All(record.Progress, p => Assert.Equal("Trần Thị Hoa", Text(p, "NguoiXuLy")));
        Assert.All(record.Progress, p => Assert.Equal("Phòng Hành chính tư pháp", Text(p, "PhongBanXuLy")));
        // Each step's work began at the step before it, the first at receipt.
        Assert.Equal(["20261120093000", "20261120094000", "20261120095000", "20261120100000", "20261120101000"], record.Progress.Select(p => Text(p, "NgayBatDau")));
        // The first sync creates the dossier; an update follows each change to what the portal holds: appraisal (4),
        // signing (9), the result, its return (10). Receipt (a counter filing is received from the start) and approval change nothing there.
        var syncCalls = Hub.Portal.Records.Calls.Where(c => c.IsAbout(code) && c.Service == "DongBoHoSoMC").ToList();
        Assert.Equal(["False", "True", "True", "True", "True"], syncCalls.Select(c => c.IsUpdating));
        Assert.Equal(["2", "4", "9", "9", "10"], record.Syncs.Select(s => Text(s, "TrangThaiHoSo")));
        Assert.All(syncCalls, c => Assert.Equal("00", c.ErrorCode));
    }

    [Fact]
    public async Task Get_dossier_shows_the_timeline_results_and_delivery_to_the_portal()
    {
        var code = (await Hub.Justice.SubmitDossierAsync(Samples.Submission())).DossierCode;
        for (var i = 0; i < 4; i++)
        {
            await Hub.Justice.RecordProgressAsync(Samples.Step(code, Samples.FiveSteps[i], i + 1));
        }
        var attached = await Hub.Justice.AttachResultAsync(Samples.Result(code));

        await Eventually.HoldsAsync(
            async () => (await Hub.Justice.GetDossierAsync(new GetDossierRequest { DossierCode = code })).Deliveries.Single().State == DeliveryState.Delivered,
            TimeSpan.FromSeconds(15), "delivered to the portal");
        var dossier = await Hub.Justice.GetDossierAsync(new GetDossierRequest { DossierCode = code });

        Assert.Equal(DossierStatus.Signed, dossier.Status);
        Assert.Equal(6, dossier.Version);
        Assert.Equal(
            [ProgressAction.Receive, ProgressAction.Appraise, ProgressAction.Approve, ProgressAction.Sign],
            dossier.Timeline.Select(t => t.Action));
        Assert.Equal([1, 2, 3, 4], dossier.Timeline.Select(t => t.Sequence));
        Assert.Equal(attached.ResultId, dossier.Results.Single().ResultId);
        Assert.Equal("125/GKS", dossier.Results.Single().Result.DocumentNumber);
        var delivery = dossier.Deliveries.Single();
        Assert.Equal("national-portal", delivery.Target);
        Assert.Equal(6, delivery.DeliveredVersion);
        Assert.Equal(0, delivery.PendingCount);
    }

    [Fact]
    public async Task The_hub_assigns_a_dossier_code_in_the_national_format_counting_per_agency_and_day()
    {
        var first = await Hub.Justice.SubmitDossierAsync(Samples.Submission());
        var second = await Hub.Justice.SubmitDossierAsync(Samples.Submission());
        var day = VietnamTime.Date(Samples.ReceivedAt).ToString("yyMMdd");

        Assert.Equal($"{TestAgencies.JusticeCode}-{day}-0001", first.DossierCode);
        Assert.Equal($"{TestAgencies.JusticeCode}-{day}-0002", second.DossierCode);
        Assert.Equal(DossierStatus.New, first.Status);
        Assert.Equal(Samples.ReceivedAt.AddDays(3), first.DueAt.ToDateTimeOffset());
    }

    [Fact]
    public async Task An_agency_may_give_its_own_dossier_code_and_a_second_dossier_cannot_take_it()
    {
        var submitted = await Hub.Justice.SubmitDossierAsync(Samples.Submission(code: $"{TestAgencies.JusticeCode}-HG-TP-2026-000123"));

        var again = await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => Hub.Justice.SubmitDossierAsync(Samples.Submission(code: $"{TestAgencies.JusticeCode}-HG-TP-2026-000123")).ResponseAsync);

        Assert.Equal($"{TestAgencies.JusticeCode}-HG-TP-2026-000123", submitted.DossierCode);
        Assert.Equal(Grpc.Core.StatusCode.AlreadyExists, again.StatusCode);
        Assert.Contains("dossier_code", again.Status.Detail);
    }
}
