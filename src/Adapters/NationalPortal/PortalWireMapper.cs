using System.Globalization;
using IntegrationHub.Adapters.NationalPortal.Wire;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Adapters.NationalPortal;

/// <summary>The one place where the hub's terms become the portal's field names, codes and formats.</summary>
public sealed class PortalWireMapper(IOptions<NationalPortalOptions> options)
{
    private readonly NationalPortalOptions _options = options.Value;

    /// <summary>The answer to the portal's payment look-up: what is owed, or that nothing is (<paramref name="owed"/> null).</summary>
    public static PortalCallAnswer ToPaymentAnswer(PaymentOwed? owed) => owed is null
        ? new PortalCallAnswer(0, "Hồ sơ không có khoản phải nộp")
        : new PortalCallAnswer(1, new ThongTinThanhToan
        {
            MaTraCuuTT = owed.DossierCode + VietnamTime.Format(owed.RaisedAt),
            MaHoSo = owed.DossierCode,
            MaTTHC = owed.ProcedureCode,
            MaDVC = owed.ServiceCode,
            MaDonVi = owed.AgencyCode,
            TenDonVi = owed.AgencyName,
            TKThuHuong = owed.Beneficiary?.Account,
            MaNHThuHuong = owed.Beneficiary?.BankCode,
            TenTKThuHuong = owed.Beneficiary?.AccountName,
            SoTien = owed.Fees.Sum(f => f.Amount),
            NoiDungThanhToan = owed.Description,
            HoTenNguoiNop = owed.PayerName,
            SoCMNDNguoiNop = owed.PayerIdNumber,
            PhiLePhi = [.. owed.Fees.Select(f => new PhiLePhi(f.Kind, f.Code, f.Name, f.Amount))],
            DSKhoanNop = [.. owed.Fees.Select(f => new KhoanNop(f.Name, f.Amount))],
        });

    public HoSo ToHoSo(PortalDossier dossier, ProcedureInfo procedure) => new()
    {
        MaHoSo = dossier.Code,
        // A local code (1.003560.000.00.00.H56) is the national one for the portal.
        MaTTHC = ProcedureCodes.National(dossier.ProcedureCode),
        TenTTHC = procedure.Name,
        MaLinhVuc = procedure.FieldCode,
        TenLinhVuc = procedure.FieldName,
        KenhThucHien = ChannelCode(dossier.Channel),
        SoBienNhan = dossier.ReceiptNumber,
        ChuHoSo = dossier.Applicant.Name,
        SoGiayToChuHoSo = dossier.Applicant.IdNumber,
        LoaiDoiTuong = ApplicantKindCode(dossier.Applicant.Kind),
        ThongTinKhac = ApplicantDetails(dossier.Applicant),
        Email = dossier.ContactEmail,
        SoDienThoai = dossier.ContactPhone,
        TrichYeuHoSo = Cut(dossier.Summary, _options.MaxSummaryLength),
        NgayTiepNhan = VietnamTime.Format(dossier.ReceivedAt),
        NgayHenTra = VietnamTime.Format(dossier.DueAt),
        TrangThaiHoSo = StatusCode(dossier.Status, dossier.SubStatus),
        NgayTra = VietnamTime.Format(dossier.ResultReturnedAt),
        HinhThuc = Code(_options.ResultDeliveryCodes, dossier.ResultDelivery, "ResultDeliveryCodes"),
        NgayKetThucXuLy = VietnamTime.Format(dossier.ProcessingEndedAt),
        DonViXuLy = dossier.AgencyName,
        NgayTuChoi = VietnamTime.Format(dossier.RejectedAt),
        // DuocThanhToanTrucTuyen: 0 not paid online, 1 paid on DVCQG, 2 paid through a ministry's or province's payment portal.
        DuocThanhToanTrucTuyen = !dossier.FeesPaidOnline ? "0" : dossier.PaidOnNationalPlatform ? "1" : _options.OnlinePaymentCode,
        HoSoCoThanhPhanSoHoa = Flag(dossier.Documents.Any(d => d.Digitised)),
        DinhDanhCHS = dossier.Applicant.Kind == "Citizen" ? [new DinhDanh("1", dossier.Applicant.IdNumber)] : null,
        DSKetNoiCSDL = NonEmpty(dossier.DatabasesConsulted
            .Select(database => _options.DatabaseCodes.GetValueOrDefault(database))
            .OfType<string>().Where(code => code.Length > 0).Distinct()
            .Select(code => new KetNoiCSDL(code))),
        TaiLieuNop = NonEmpty(dossier.Documents.Select(ToTaiLieuNop)),
        DanhSachLePhi = NonEmpty(dossier.Fees.Select(f => new LePhi(
            f.Name, f.Code, Code(_options.FeeCollectionCodes, dossier.FeesPaidOnline ? "Online" : "InPerson", "FeeCollectionCodes"),
            f.Amount.ToString(CultureInfo.InvariantCulture), f.Kind.ToString(CultureInfo.InvariantCulture)))),
        DanhSachHoSoBoSung = NonEmpty(dossier.Supplements.Select(s => new HoSoBoSung(
            s.Id, Cut(s.RequestedBy, _options.MaxHandlerNameLength), s.Reason, VietnamTime.Format(s.RequestedAt),
            s.ReceivedBy is null ? null : Cut(s.ReceivedBy, _options.MaxHandlerNameLength), VietnamTime.Format(s.ReceivedAt),
            TrangThaiBoSung: s.ReceivedAt is null ? "0" : "1",
            VietnamTime.Format(s.DueBefore), VietnamTime.Format(s.DueAfter), NonEmpty(s.Papers.Select(ToTaiLieuNop))))),
        DanhSachGiayToKetQua = NonEmpty(dossier.Results.Select(r => new GiayToKetQua(r.Name, r.ComponentCode ?? "", r.Id, r.StorageUrl, r.ResultCode))),
    };

    private static TaiLieuNop ToTaiLieuNop(PortalDocument d) => new(
        d.Id, d.Name, "False", d.ComponentCode, d.StorageUrl,
        DuocSoHoa: Flag(d.Digitised),
        DuocTaiSuDung: !d.Reused ? "0" : d.ReusedResultCode is null ? "1" : "2",
        DuocLayTuKhoDMQG: Flag(d.FromNationalStore),
        MaKetQuaThayThe: d.Reused ? d.ReusedResultCode : null);

    public TienDo ToTienDo(PortalProgress progress) => new()
    {
        MaHoSo = progress.DossierCode,
        NguoiXuLy = Cut(progress.HandlerName, _options.MaxHandlerNameLength),
        ChucDanh = progress.HandlerTitle,
        ThoiDiemXuLy = VietnamTime.Format(progress.OccurredAt),
        PhongBanXuLy = progress.Department,
        NoiDungXuLy = progress.Content,
        TrangThai = StatusCode(progress.StatusAfter, progress.SubStatusAfter),
        NgayBatDau = VietnamTime.Format(progress.StepStartedAt),
        NgayKetThucTheoQuyDinh = VietnamTime.Format(progress.StepDeadline),
    };

    /// <summary>The portal's code for a status, the sub-status's own mapping winning where there is one.</summary>
    public string StatusCode(string status, string? subStatus = null) =>
        subStatus is not null && _options.StatusCodes.TryGetValue($"{status}.{subStatus}", out var refined) ? refined
        : Code(_options.StatusCodes, status, "StatusCodes");

    private static string Code(Dictionary<string, string> codes, string key, string setting) =>
        codes.TryGetValue(key, out var code)
            ? code
            : throw new InvalidOperationException($"No national-portal code is configured for '{key}' in {NationalPortalOptions.SectionName}:{setting}.");

    // LoaiDoiTuong: 1 citizen, 2 business, 3 state agency, 4 other organisation.
    private static string ApplicantKindCode(string kind) => kind switch
    {
        "Citizen" => "1",
        "Business" => "2",
        "StateAgency" => "3",
        _ => "4",
    };

    // ThongTinKhac is the portal's free text; the applicant's details the portal has no field for go there, labelled.
    private static string? ApplicantDetails(PortalApplicant applicant)
    {
        var parts = (applicant.Kind == "Citizen"
            ? new[]
            {
                ("Giới tính", applicant.Sex switch { "Male" => "Nam", "Female" => "Nữ", _ => null }), ("Quốc tịch", applicant.Nationality),
                ("Nơi thường trú", applicant.PermanentAddress), ("Nơi ở hiện tại", applicant.Address),
            }
            : [("Trụ sở", applicant.Address), ("Loại hình", applicant.LegalForm), ("Người đại diện", applicant.LegalRepresentative)])
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

    private static string Flag(bool value) => value ? "1" : "0";

    private static List<T>? NonEmpty<T>(IEnumerable<T> items) => items.ToList() is { Count: > 0 } list ? list : null;

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];
}
