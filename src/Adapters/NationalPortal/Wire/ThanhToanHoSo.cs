using System.Text.Json.Serialization;

namespace IntegrationHub.Adapters.NationalPortal.Wire;

/// <summary>
/// DVCQG's payment look-up on the province (<c>kpdvcqg/dptracuuthanhtoanhs</c>): it POSTs <c>{MaHoSo}</c>; names are the portal's.
/// </summary>
public sealed record TraCuuThanhToanHoSo([property: JsonPropertyName("MaHoSo")] string? MaHoSo);

/// <summary>
/// The province's answer in the portal's convention: <c>error_code</c> -1 (error), 0 (nothing to pay) or 1 (what is
/// owed follows in <c>message</c>); otherwise <c>message</c> is text.
/// </summary>
public sealed record PortalCallAnswer(
    [property: JsonPropertyName("error_code")] int ErrorCode,
    [property: JsonPropertyName("message")] object Message);

/// <summary>The bill a dossier owes, shaped as Keypay-DVCQG's bill_info (§4.2 of the research notes).</summary>
public sealed record ThongTinThanhToan
{
    /// <summary>MaHoSo + yyyyMMddHHmmss of when the bill was raised: the same on every repeat of the question.</summary>
    public required string MaTraCuuTT { get; init; }
    /// <summary>2: fees and charges.</summary>
    public string MaDichVu { get; init; } = "2";
    public required string MaHoSo { get; init; }
    public required string MaTTHC { get; init; }
    public required string MaDVC { get; init; }
    public required string MaDonVi { get; init; }
    public required string TenDonVi { get; init; }
    public string? TKThuHuong { get; init; }
    public string? MaNHThuHuong { get; init; }
    public string? TenTKThuHuong { get; init; }
    /// <summary>VND, whole dong: the sum of PhiLePhi.</summary>
    public required long SoTien { get; init; }
    public required string NoiDungThanhToan { get; init; }
    public string? HoTenNguoiNop { get; init; }
    public string? SoCMNDNguoiNop { get; init; }
    public required IReadOnlyList<PhiLePhi> PhiLePhi { get; init; }
    public required IReadOnlyList<KhoanNop> DSKhoanNop { get; init; }
}

/// <param name="LoaiPhiLePhi">1 phí (fee), 2 lệ phí (charge).</param>
public sealed record PhiLePhi(int LoaiPhiLePhi, string MaPhiLePhi, string TenPhiLePhi, long SoTien);

public sealed record KhoanNop(string NoiDung, long SoTien);
