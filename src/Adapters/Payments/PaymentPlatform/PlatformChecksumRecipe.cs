namespace IntegrationHub.Adapters.Payments.PaymentPlatform;

public enum PlatformChecksumAlgorithm
{
    /// <summary>SHA-256 hex over the fields joined by <c>|</c>, with the key as the last element (the newer integrator code).</summary>
    Sha256WithKey,
    /// <summary>HMAC-SHA256 hex with the key over the fields joined by <c>|</c> (the older integrator code).</summary>
    HmacSha256,
}

/// <summary>
/// The fields MaXacThuc covers, per message, as wire names joined by <c>|</c>. The defaults are the
/// recipe observed in public integrator code; the deployment's specification wins.
/// </summary>
public sealed class PlatformChecksumRecipe
{
    public PlatformChecksumAlgorithm Algorithm { get; set; } = PlatformChecksumAlgorithm.Sha256WithKey;

    public string Init { get; set; } =
        "LoaiBanTin|PhienBan|MaDoiTac|MaThamChieu|SoTien|LoaiHinhThanhToan|MaKenhThanhToan|MaThietBi|NgonNgu|MaTienTe|MaNganHang|ThongTinGiaoDich|ThoiGianGD|Ip";

    /// <summary>The platform's confirm (IPN), and its answer to a status query.</summary>
    public string Confirm { get; set; } = "LoaiBanTin|MaLoi|MaDoiTac|MaThamChieu|SoTien|MaTienTe|MaGiaoDich|MaNganHang|ThoiGianGD|ThongTinGiaoDich";

    public string Query { get; set; } = "LoaiBanTin|PhienBan|MaDoiTac|MaThamChieu|ThoiGianGD";
}
