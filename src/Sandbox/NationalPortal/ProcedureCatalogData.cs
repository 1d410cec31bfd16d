namespace IntegrationHub.Sandbox.NationalPortal;

/// <summary>The procedures the simulated national catalogue knows (mã TTHC, name, field code and name).</summary>
public static class ProcedureCatalogData
{
    public static readonly IReadOnlyDictionary<string, (string Name, string FieldCode, string FieldName)> Procedures =
        new Dictionary<string, (string, string, string)>
        {
            ["1.001234"] = ("Cấp Giấy chứng nhận quyền sử dụng đất lần đầu", "G05-DD01", "Đất đai"),
            ["2.000123"] = ("Chứng thực bản sao từ bản chính giấy tờ, văn bản", "G09-TP06", "Chứng thực"),
            ["1.000894"] = ("Đăng ký khai sinh", "G09-TP03", "Hộ tịch"),
            ["1.001193"] = ("Đăng ký kết hôn", "G09-TP03", "Hộ tịch"),
            ["1.004227"] = ("Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam", "G09-TP07", "Lý lịch tư pháp"),
            ["1.001612"] = ("Cấp giấy phép xây dựng nhà ở riêng lẻ", "G14-XD02", "Hoạt động xây dựng"),
            ["2.001035"] = ("Đăng ký thành lập hộ kinh doanh", "G15-KH11", "Thành lập và hoạt động của hộ kinh doanh"),
            ["1.005377"] = ("Đăng ký thành lập công ty trách nhiệm hữu hạn hai thành viên trở lên", "G15-KH10", "Thành lập và hoạt động của doanh nghiệp"),
        };

    /// <summary>
    /// What LayThuTuc adds for each procedure: processing time (amount and DONVITINH) at the counter and online,
    /// the fee, and the papers to file. Figures are the simulator's, shaped as the catalogue publishes them.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, (decimal Days, string Unit, long Fee, string[] Papers)> Details =
        new Dictionary<string, (decimal, string, long, string[])>
        {
            ["1.001234"] = (30, "Ngày làm việc", 100_000, ["Đơn đăng ký", "Giấy tờ về quyền sử dụng đất"]),
            ["2.000123"] = (1, "Ngày làm việc", 2_000, ["Bản chính giấy tờ", "Bản sao cần chứng thực"]),
            ["1.000894"] = (1, "Ngày làm việc", 0, ["Tờ khai đăng ký khai sinh", "Giấy chứng sinh"]),
            ["1.001193"] = (1, "Ngày làm việc", 0, ["Tờ khai đăng ký kết hôn", "Giấy xác nhận tình trạng hôn nhân"]),
            ["1.004227"] = (10, "Ngày làm việc", 200_000, ["Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp", "Bản chụp CCCD"]),
            ["1.001612"] = (15, "Ngày", 75_000, ["Đơn đề nghị cấp giấy phép xây dựng", "Bản vẽ thiết kế"]),
            ["2.001035"] = (3, "Ngày làm việc", 100_000, ["Giấy đề nghị đăng ký hộ kinh doanh"]),
            ["1.005377"] = (3, "Ngày làm việc", 50_000, ["Giấy đề nghị đăng ký doanh nghiệp", "Điều lệ công ty", "Danh sách thành viên"]),
        };
}
