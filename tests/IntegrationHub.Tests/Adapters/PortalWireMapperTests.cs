using IntegrationHub.Adapters.NationalPortal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Tests.Adapters;

public sealed class PortalWireMapperTests
{
    private static readonly ProcedureInfo Procedure = new("1.000894", "Đăng ký khai sinh", "G09-TP03", "Hộ tịch");

    [Fact]
    public void Times_go_out_as_local_Vietnam_time_in_the_portals_format()
    {
        var hoSo = Mapper().ToHoSo(Dossier() with { ReceivedAt = DateTimeOffset.Parse("2026-12-31T17:30:05Z") }, Procedure);

        Assert.Equal("20270101003005", hoSo.NgayTiepNhan);
    }

    [Fact]
    public void A_business_applicant_is_applicant_kind_2_without_a_personal_identifier()
    {
        var hoSo = Mapper().ToHoSo(Dossier() with { Applicant = new PortalApplicant("Business", "0100109106", "Công ty ABC") }, Procedure);

        Assert.Equal("2", hoSo.LoaiDoiTuong);
        Assert.Equal("0100109106", hoSo.SoGiayToChuHoSo);
        Assert.Null(hoSo.DinhDanhCHS);
    }

    [Theory]
    [InlineData("Citizen", "1")]
    [InlineData("Business", "2")]
    [InlineData("StateAgency", "3")]
    [InlineData("Organisation", "4")]
    public void Each_applicant_kind_has_its_own_LoaiDoiTuong(string kind, string code) =>
        Assert.Equal(code, Mapper().ToHoSo(Dossier() with { Applicant = new PortalApplicant(kind, "000.00.01.H22", "Ủy ban nhân dân xã A") }, Procedure).LoaiDoiTuong);

    [Theory]
    [InlineData("Postal", "ByPost", "3", "1")]
    [InlineData("Postal", "AtCounter", "3", "0")]
    [InlineData("Counter", "ByPost", "1", "1")]
    [InlineData("Online", "Electronic", "2", "0")]
    public void How_the_result_is_returned_is_its_own_fact_not_the_filing_channel(string channel, string delivery, string kenhThucHien, string hinhThuc)
    {
        var hoSo = Mapper().ToHoSo(Dossier() with { Channel = channel, ResultDelivery = delivery }, Procedure);

        Assert.Equal((kenhThucHien, hinhThuc), (hoSo.KenhThucHien, hoSo.HinhThuc));
    }

    [Theory]
    [InlineData("New", null, "1")]
    [InlineData("New", "AtCounter", "2")]
    [InlineData("Received", null, "2")]
    [InlineData("Received", "AwaitingFee", "6")]
    [InlineData("UnderAppraisal", "AwaitingFee", "6")]
    [InlineData("Approved", null, "4")]
    [InlineData("SupplementRequested", null, "5")]
    [InlineData("Rejected", "AtIntake", "3")]
    [InlineData("Rejected", null, "8")]
    [InlineData("Withdrawn", null, "7")]
    [InlineData("Suspended", null, "8")]
    [InlineData("Signed", null, "9")]
    [InlineData("ResultReturned", null, "10")]
    // A sub-status without a mapping of its own falls back to the status's.
    [InlineData("Signed", "AwaitingFee", "9")]
    public void A_sub_status_mapping_wins_over_the_status_mapping(string status, string? subStatus, string code)
    {
        Assert.Equal(code, Mapper().ToHoSo(Dossier() with { Status = status, SubStatus = subStatus }, Procedure).TrangThaiHoSo);
        Assert.Equal(code, Mapper().ToTienDo(Step() with { StatusAfter = status, SubStatusAfter = subStatus }).TrangThai);
    }

    [Fact]
    public void Reused_digitised_and_national_store_documents_are_marked_for_the_once_only_figures()
    {
        var hoSo = Mapper().ToHoSo(Dossier() with
        {
            Documents =
            [
                new PortalDocument("a", "TP01", "Tờ khai", "https://f/a.pdf", Digitised: true),
                new PortalDocument("b", "TP02", "Giấy khai sinh cũ", "https://f/b.pdf", Reused: true),
                new PortalDocument("c", "TP03", "Giấy chứng nhận", "https://f/c.pdf", Reused: true, ReusedResultCode: "KQ01"),
                new PortalDocument("d", "TP04", "Bằng tốt nghiệp", "https://f/d.pdf", FromNationalStore: true),
            ],
        }, Procedure);

        var documents = hoSo.TaiLieuNop!;
        Assert.Equal(["1", "0", "0", "0"], documents.Select(d => d.DuocSoHoa));
        Assert.Equal(["0", "1", "2", "0"], documents.Select(d => d.DuocTaiSuDung));
        Assert.Equal([null, null, "KQ01", null], documents.Select(d => d.MaKetQuaThayThe));
        Assert.Equal(["0", "0", "0", "1"], documents.Select(d => d.DuocLayTuKhoDMQG));
        Assert.Equal("1", hoSo.HoSoCoThanhPhanSoHoa);
    }

    [Fact]
    public void The_databases_consulted_are_listed_by_their_configured_codes_and_one_without_a_code_is_left_out()
    {
        var options = new NationalPortalOptions();

        var hoSo = Mapper(options).ToHoSo(Dossier() with { DatabasesConsulted = ["population", "enterprise"] }, Procedure);
        options.DatabaseCodes["enterprise"] = "8";
        var configured = Mapper(options).ToHoSo(Dossier() with { DatabasesConsulted = ["population", "enterprise"] }, Procedure);

        Assert.Equal(["7"], hoSo.DSKetNoiCSDL!.Select(d => d.MaCSDL));
        Assert.Equal(["7", "8"], configured.DSKetNoiCSDL!.Select(d => d.MaCSDL));
        Assert.Null(Mapper().ToHoSo(Dossier(), Procedure).DSKetNoiCSDL);
    }

    [Theory]
    [InlineData(false, "1")]
    [InlineData(true, "2")]
    public void How_a_fee_was_collected_follows_whether_it_was_paid_online(bool paidOnline, string code) =>
        Assert.Equal(code, Mapper().ToHoSo(Dossier() with { FeesPaidOnline = paidOnline, Fees = [new PortalFee("LP01", "Lệ phí", 8000, 2)] }, Procedure)
            .DanhSachLePhi!.Single().HinhThucThu);

    [Fact]
    public void A_supplement_round_carries_the_due_dates_before_and_after_and_whether_the_papers_came()
    {
        var asked = new PortalSupplement("s1", "Trần Thị Hoa", "Thiếu bản sao giấy khai sinh", DateTimeOffset.Parse("2026-11-20T03:00:00Z"), DateTimeOffset.Parse("2026-11-23T02:30:00Z"));
        var hoSo = Mapper().ToHoSo(Dossier() with
        {
            Supplements = [asked, asked with { Id = "s2", ReceivedBy = "Lê Văn Bình", ReceivedAt = DateTimeOffset.Parse("2026-11-21T01:00:00Z"), DueAfter = DateTimeOffset.Parse("2026-11-24T02:30:00Z") }],
        }, Procedure);

        var (waiting, received) = (hoSo.DanhSachHoSoBoSung![0], hoSo.DanhSachHoSoBoSung[1]);
        Assert.Equal(("s1", "Trần Thị Hoa", "Thiếu bản sao giấy khai sinh", "20261120100000", "0", "20261123093000"),
            (waiting.HoSoBoSungId, waiting.NguoiYeuCauBoSung, waiting.NoiDungBoSung, waiting.NgayBoSung, waiting.TrangThaiBoSung, waiting.NgayHenTraTruoc));
        Assert.Null(waiting.NgayHenTraMoi);
        Assert.Equal(("1", "Lê Văn Bình", "20261121080000", "20261124093000"), (received.TrangThaiBoSung, received.NguoiTiepNhanBoSung, received.NgayTiepNhanBoSung, received.NgayHenTraMoi));
    }

    [Fact]
    public void Status_codes_come_from_configuration_so_a_province_can_follow_its_onboarding_specification()
    {
        var options = new NationalPortalOptions();
        options.StatusCodes["Signed"] = "10";

        Assert.Equal("10", Mapper(options).ToHoSo(Dossier() with { Status = "Signed" }, Procedure).TrangThaiHoSo);
        Assert.Equal("2", Mapper(options).ToHoSo(Dossier() with { Status = "Received" }, Procedure).TrangThaiHoSo);
    }

    [Fact]
    public void Text_longer_than_the_portal_accepts_is_cut_to_its_limits()
    {
        var mapper = Mapper();

        var hoSo = mapper.ToHoSo(Dossier() with { Summary = new string('a', 1500) }, Procedure);
        var tienDo = mapper.ToTienDo(Step() with { HandlerName = new string('b', 80) });

        Assert.Equal(1000, hoSo.TrichYeuHoSo.Length);
        Assert.Equal(50, tienDo.NguoiXuLy.Length);
    }

    [Fact]
    public void The_hub_as_shipped_waits_for_the_portal_as_long_as_opencps_does()
    {
        var shipped = new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json")).Build();
        var options = shipped.GetSection(NationalPortalOptions.SectionName).Get<NationalPortalOptions>() ?? new NationalPortalOptions();

        Assert.Equal((TimeSpan.FromSeconds(60), TimeSpan.FromMinutes(3)), (options.AttemptTimeout, options.TotalTimeout));
    }

    private static PortalWireMapper Mapper(NationalPortalOptions? options = null) => new(Options.Create(options ?? new NationalPortalOptions()));

    private static PortalProgress Step() => new()
    {
        DossierCode = "X", HandlerName = "Trần Thị Hoa", OccurredAt = DateTimeOffset.UnixEpoch, Content = "Tiếp nhận hồ sơ", StatusAfter = "Received",
    };

    private static PortalDossier Dossier() => new()
    {
        Code = "000.00.01.H22-261120-0001",
        ReceiptNumber = "000.00.01.H22-261120-0001",
        ProcedureCode = "1.000894",
        AgencyCode = "000.00.01.H22",
        AgencyName = "Sở Tư pháp",
        Applicant = new PortalApplicant("Citizen", "001090123456", "Nguyễn Văn An"),
        Summary = "Đăng ký khai sinh",
        ReceivedAt = DateTimeOffset.Parse("2026-11-20T02:30:00Z"),
        DueAt = DateTimeOffset.Parse("2026-11-23T02:30:00Z"),
        Status = "New",
        Channel = "Counter",
        ResultDelivery = "AtCounter",
        Version = 1,
    };
}
