using IntegrationHub.Adapters.NationalPortal;
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

    [Fact]
    public void A_postal_dossier_is_filed_by_post_and_returned_by_post()
    {
        var hoSo = Mapper().ToHoSo(Dossier() with { Channel = "Postal" }, Procedure);

        Assert.Equal("3", hoSo.KenhThucHien);
        Assert.Equal("1", hoSo.HinhThuc);
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
        var tienDo = mapper.ToTienDo(new PortalProgress
        {
            DossierCode = "X", HandlerName = new string('b', 80), OccurredAt = DateTimeOffset.UnixEpoch, Content = "Tiếp nhận hồ sơ", StatusAfter = "Received",
        });

        Assert.Equal(1000, hoSo.TrichYeuHoSo.Length);
        Assert.Equal(50, tienDo.NguoiXuLy.Length);
    }

    private static PortalWireMapper Mapper(NationalPortalOptions? options = null) => new(Options.Create(options ?? new NationalPortalOptions()));

    private static PortalDossier Dossier() => new()
    {
        Code = "000.00.01.H22-261120-0001",
        ProcedureCode = "1.000894",
        AgencyCode = "000.00.01.H22",
        AgencyName = "Sở Tư pháp",
        Applicant = new PortalApplicant("Citizen", "001090123456", "Nguyễn Văn An"),
        Summary = "Đăng ký khai sinh",
        ReceivedAt = DateTimeOffset.Parse("2026-11-20T02:30:00Z"),
        DueAt = DateTimeOffset.Parse("2026-11-23T02:30:00Z"),
        Status = "New",
        Channel = "Counter",
        Version = 1,
    };
}
