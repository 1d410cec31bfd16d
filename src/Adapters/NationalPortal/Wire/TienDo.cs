namespace IntegrationHub.Adapters.NationalPortal.Wire;

/// <summary>One progress item of CapNhatTienDoHoSoMC's <c>data</c> array; names are the portal's.</summary>
public sealed record TienDo
{
    public required string MaHoSo { get; init; }
    public required string NguoiXuLy { get; init; }
    public string? ChucDanh { get; init; }
    public required string ThoiDiemXuLy { get; init; }
    public string? PhongBanXuLy { get; init; }
    public required string NoiDungXuLy { get; init; }
    public required string TrangThai { get; init; }
    public string? NgayBatDau { get; init; }
    public string? NgayKetThucTheoQuyDinh { get; init; }
}
