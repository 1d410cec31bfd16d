using System.Globalization;
using IntegrationHub.Adapters.NationalPortal.Wire;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Adapters.NationalPortal;

/// <summary>The one place where the hub's terms become the portal's field names, codes and formats.</summary>
public sealed class PortalWireMapper(IOptions<NationalPortalOptions> options)
{
    private readonly NationalPortalOptions _options = options.Value;

    public HoSo ToHoSo(PortalDossier dossier, ProcedureInfo procedure) => new()
    {
        MaHoSo = dossier.Code,
        MaTTHC = dossier.ProcedureCode,
        TenTTHC = procedure.Name,
        MaLinhVuc = procedure.FieldCode,
        TenLinhVuc = procedure.FieldName,
        KenhThucHien = ChannelCode(dossier.Channel),
        ChuHoSo = dossier.Applicant.Name,
        SoGiayToChuHoSo = dossier.Applicant.IdNumber,
        LoaiDoiTuong = dossier.Applicant.Kind == "Business" ? "2" : "1",
        ThongTinKhac = ApplicantDetails(dossier.Applicant),
        Email = dossier.ContactEmail,
        SoDienThoai = dossier.ContactPhone,
        TrichYeuHoSo = Cut(dossier.Summary, _options.MaxSummaryLength),
        NgayTiepNhan = VietnamTime.Format(dossier.ReceivedAt),
        NgayHenTra = VietnamTime.Format(dossier.DueAt),
        TrangThaiHoSo = StatusCode(dossier.Status),
        NgayTra = VietnamTime.Format(dossier.ResultReturnedAt),
        // HinhThuc: how the result is returned, 0 at the counter, 1 by post.
        HinhThuc = dossier.Channel == "Postal" ? "1" : "0",
        NgayKetThucXuLy = VietnamTime.Format(dossier.ProcessingEndedAt),
        DonViXuLy = dossier.AgencyName,
        NgayTuChoi = VietnamTime.Format(dossier.RejectedAt),
        // DuocThanhToanTrucTuyen: 0 not paid online, 1 paid on DVCQG, 2 paid through a ministry's or province's payment portal.
        DuocThanhToanTrucTuyen = !dossier.FeesPaidOnline ? "0" : dossier.PaidOnNationalPlatform ? "1" : _options.OnlinePaymentCode,
        DinhDanhCHS = dossier.Applicant.Kind == "Citizen" ? [new DinhDanh("1", dossier.Applicant.IdNumber)] : null,
        TaiLieuNop = dossier.Documents.Count == 0 ? null
            : [.. dossier.Documents.Select(d => new TaiLieuNop(d.Id, d.Name, "False", d.ComponentCode, d.StorageUrl))],
        DanhSachLePhi = dossier.Fees.Count == 0 ? null
            : [.. dossier.Fees.Select(f => new LePhi(f.Name, f.Code, "1", f.Amount.ToString(CultureInfo.InvariantCulture), f.Kind.ToString(CultureInfo.InvariantCulture)))],
        DanhSachGiayToKetQua = dossier.Results.Count == 0 ? null
            : [.. dossier.Results.Select(r => new GiayToKetQua(r.Name, r.ComponentCode ?? "", r.Id, r.StorageUrl))],
    };

    public TienDo ToTienDo(PortalProgress progress) => new()
    {
        MaHoSo = progress.DossierCode,
        NguoiXuLy = Cut(progress.HandlerName, _options.MaxHandlerNameLength),
        ChucDanh = progress.HandlerTitle,
        ThoiDiemXuLy = VietnamTime.Format(progress.OccurredAt),
        PhongBanXuLy = progress.Department,
        NoiDungXuLy = progress.Content,
        TrangThai = StatusCode(progress.StatusAfter),
        NgayBatDau = VietnamTime.Format(progress.StepStartedAt),
        NgayKetThucTheoQuyDinh = VietnamTime.Format(progress.StepDeadline),
    };

    public string StatusCode(string status) =>
        _options.StatusCodes.TryGetValue(status, out var code)
            ? code
            : throw new InvalidOperationException($"No national-portal status code is configured for status '{status}'.");

    // ThongTinKhac is the portal's free text; the applicant's details the portal has no field for go there, labelled.
    private static string? ApplicantDetails(PortalApplicant applicant)
    {
        var parts = (applicant.Kind == "Business"
            ? new[] { ("Trụ sở", applicant.Address), ("Loại hình", applicant.LegalForm), ("Người đại diện", applicant.LegalRepresentative) }
            : [
                ("Giới tính", applicant.Sex switch { "Male" => "Nam", "Female" => "Nữ", _ => null }), ("Quốc tịch", applicant.Nationality),
                ("Nơi thường trú", applicant.PermanentAddress), ("Nơi ở hiện tại", applicant.Address),
            ])
            .Where(p => !string.IsNullOrWhiteSpace(p.Item2))
            .Select(p => $"{p.Item1}: {p.Item2}")
            .ToList();
        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    // KenhThucHien: 1 in person, 2 online, 3 by public postal service.
    private static string ChannelCode(string channel) => channel switch
    {
        "Online" => "2",
        "Postal" => "3",
        _ => "1",
    };

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];
}
