namespace IntegrationHub.Adapters.Registries;

/// <summary>
/// How the hub speaks to the enterprise registration database (<c>Hub:Adapters:Enterprise:Dialect</c>): each a
/// form a public client of the real service speaks, behind the platform's client-credentials token.
/// </summary>
public enum EnterpriseDialect
{
    /// <summary>
    /// The NGSP/LGSP service <c>chiTietDoanhNghiep?msdn=</c>, answered with
    /// <c>{Data:{MainInformation, HOAdress, Representatives, BusinessActivities}, DataCount, Status, Message}</c>
    /// (Quảng Bình's LGSP guide; OpenCPS reads the same blocks). The default.
    /// </summary>
    Ngsp,

    /// <summary>
    /// Hồ Chí Minh City's LGSP: <c>TraCuuThongTinDoanhNghiep?MaSoDoanhNghiep=</c>, answered with
    /// <c>{StatusCode, Status, ThrowException, Description, ResultObject}</c>, the same fields as NGSP's flattened.
    /// </summary>
    HcmLgsp,

    /// <summary>
    /// Thanh Hóa's newer ĐKKD service <c>apiDKKD/DoanhNghiep/chiTietDoanhNghiep?msdn=</c>, answered with
    /// <c>{GetEntCert:[…]}</c> in Vietnamese field names (TenTiengViet, DiaChiTruSo, DaiDienPhapLuat, NganhNgheKinhDoanh).
    /// </summary>
    ThanhHoaDkkd,
}
