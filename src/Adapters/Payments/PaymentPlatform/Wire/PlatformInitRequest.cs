namespace IntegrationHub.Adapters.Payments.PaymentPlatform.Wire;

/// <summary>Init transaction (khởi tạo giao dịch); names are the platform's.</summary>
public sealed record PlatformInitRequest
{
    public required string LoaiBanTin { get; init; }
    public required string PhienBan { get; init; }
    public required string MaDoiTac { get; init; }
    public required string MaThamChieu { get; init; }
    /// <summary>VND, whole dong.</summary>
    public required string SoTien { get; init; }
    public required string LoaiHinhThanhToan { get; init; }
    public required string MaKenhThanhToan { get; init; }
    public required string MaThietBi { get; init; }
    public required string NgonNgu { get; init; }
    public string MaTienTe { get; init; } = "VND";
    /// <summary>Empty: the citizen chooses a bank or intermediary on the platform's page.</summary>
    public string MaNganHang { get; init; } = "";
    public required string ThongTinGiaoDich { get; init; }
    /// <summary>yyyyMMddHHmmss, GMT+7.</summary>
    public required string ThoiGianGD { get; init; }
    public required string Ip { get; init; }
    public required PlatformReceipt ThongTinBienLai { get; init; }
    public string MaXacThuc { get; init; } = "";
}

/// <summary>ThongTinBienLai: what the electronic receipt states, for fees and charges (MaDichVu 2).</summary>
public sealed record PlatformReceipt
{
    public string MaDichVu { get; init; } = "2";
    public required string MaDonVi { get; init; }
    public required string TenDonVi { get; init; }
    public required string MaHoSo { get; init; }
    public required string MaDVC { get; init; }
    public required string TenDVC { get; init; }
    public required string MaTTHC { get; init; }
    public required string TenTTHC { get; init; }
    public required string TKThuHuong { get; init; }
    public required string MaNHThuHuong { get; init; }
    public required string TenTKThuHuong { get; init; }
    public required IReadOnlyList<PlatformFeeLine> PhiLePhi { get; init; }
    public required string NoiDungThanhToan { get; init; }
    public required string HoTenNguoiNop { get; init; }
    public required string SoCMNDNguoiNop { get; init; }
    public string DiaChiNguoiNop { get; init; } = "";
    public required IReadOnlyList<PlatformPaymentLine> DSKhoanNop { get; init; }
}

/// <summary>PhiLePhi[]: LoaiPhiLePhi 1 = phí (fee), 2 = lệ phí (charge).</summary>
public sealed record PlatformFeeLine(int LoaiPhiLePhi, string MaPhiLePhi, string TenPhiLePhi, long SoTien);

/// <summary>DSKhoanNop[]: the lines paid.</summary>
public sealed record PlatformPaymentLine(string NoiDung, long SoTien);

/// <summary>The platform's answer to an init: MaLoi 00 with the page the citizen pays at.</summary>
public sealed record PlatformInitAnswer
{
    public string? MaLoi { get; init; }
    public string? MoTaLoi { get; init; }
    /// <summary>Its name is the one seen in public integrator code; the platform's specification may name it otherwise.</summary>
    public string? UrlThanhToan { get; init; }
}

/// <summary>Status query (tra cứu giao dịch), also the shape of a receipt request.</summary>
public sealed record PlatformQueryRequest
{
    public required string LoaiBanTin { get; init; }
    public required string PhienBan { get; init; }
    public required string MaDoiTac { get; init; }
    public required string MaThamChieu { get; init; }
    public required string ThoiGianGD { get; init; }
    public string MaXacThuc { get; init; } = "";
}

/// <summary>The hub's reply to a confirm: MaLoi 00 stops the platform's retries; ThoiGianGD and MaXacThuc echo the confirm's.</summary>
public sealed record PlatformConfirmReply
{
    public required string MaLoi { get; init; }
    public required string MoTaLoi { get; init; }
    public required string MaDoiTac { get; init; }
    public required string MaThamChieu { get; init; }
    public required string ThoiGianGD { get; init; }
    public string MaXacThuc { get; init; } = "";
}
