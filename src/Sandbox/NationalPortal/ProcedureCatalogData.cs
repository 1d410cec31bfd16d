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
}
