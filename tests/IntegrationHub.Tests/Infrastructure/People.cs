using IntegrationHub.Sandbox.Registries;
using IntegrationHub.V1;

namespace IntegrationHub.Tests.Infrastructure;

/// <summary>Citizens and enterprises of the simulated registries, and requests naming them.</summary>
public static class People
{
    public static CongDan Citizen(int index) => HubSettings.Registries.Citizens[index];

    public static DoanhNghiep Enterprise(int index) => HubSettings.Registries.Enterprises[index];

    /// <summary>The registry's yyyyMMdd as the hub's yyyy-MM-dd.</summary>
    public static string BirthDate(CongDan citizen) => $"{citizen.NgaySinh[..4]}-{citizen.NgaySinh[4..6]}-{citizen.NgaySinh[6..]}";

    public static LookupCitizenRequest Lookup(CongDan citizen) => new()
    {
        IdNumber = citizen.SoDinhDanh,
        FullName = citizen.HoVaTen,
        BirthDate = BirthDate(citizen),
        Purpose = Samples.ProcedureCode,
    };

    public static LookupEnterpriseRequest Lookup(DoanhNghiep enterprise) => new() { EnterpriseCode = enterprise.MaSoDoanhNghiep, Purpose = Samples.ProcedureCode };

    /// <summary>Just the identity: the hub fills the rest.</summary>
    public static Applicant IdentityOf(CongDan citizen) => new()
    {
        Kind = ApplicantKind.Citizen,
        IdNumber = citizen.SoDinhDanh,
        Name = citizen.HoVaTen,
        BirthDate = BirthDate(citizen),
    };

    public static Applicant IdentityOf(DoanhNghiep enterprise) => new() { Kind = ApplicantKind.Business, IdNumber = enterprise.MaSoDoanhNghiep };

    /// <summary>Everything the population database would give, given by the agency itself.</summary>
    public static Applicant InFull(CongDan citizen)
    {
        var applicant = IdentityOf(citizen);
        applicant.Sex = citizen.GioiTinh == 2 ? Sex.Female : Sex.Male;
        applicant.Nationality = citizen.QuocTich;
        applicant.PermanentAddress = citizen.NoiThuongTru.ChiTiet;
        applicant.Address = citizen.NoiOHienTai.ChiTiet;
        return applicant;
    }

    /// <summary>Everything the enterprise database would give, given by the agency itself.</summary>
    public static Applicant InFull(DoanhNghiep enterprise)
    {
        var applicant = IdentityOf(enterprise);
        applicant.Name = enterprise.TenDoanhNghiep;
        applicant.Address = enterprise.DiaChiTruSo.ChiTiet;
        applicant.LegalForm = enterprise.LoaiHinhDoanhNghiep;
        applicant.OperatingStatus = enterprise.TinhTrangHoatDong;
        applicant.LegalRepresentative = enterprise.NguoiDaiDienPhapLuat[0].HoVaTen;
        return applicant;
    }

    public static SubmitDossierRequest SubmissionFor(Applicant applicant)
    {
        var submission = Samples.Submission();
        submission.Applicant = applicant;
        return submission;
    }
}
