using System.Globalization;
using IntegrationHub.Adapters.Registries;

namespace IntegrationHub.Sandbox.Registries;

/// <summary>
/// Citizens and enterprises for the simulated registries, generated from a fixed seed so that every
/// run (and every test) sees the same people: identification numbers that follow the CCCD rules and
/// agree with each person's sex and birth year, and tax codes with valid check digits.
/// </summary>
public sealed class RegistryDataSet
{
    private static readonly string[] FamilyNames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"];
    private static readonly string[] MaleMiddle = ["Văn", "Đức", "Minh", "Hữu", "Quang", "Thanh"];
    private static readonly string[] FemaleMiddle = ["Thị", "Ngọc", "Thu", "Thanh", "Minh", "Bích"];
    private static readonly string[] MaleGiven = ["An", "Bình", "Dũng", "Hải", "Hùng", "Khoa", "Long", "Nam", "Quân", "Sơn", "Tuấn", "Việt"];
    private static readonly string[] FemaleGiven = ["Chi", "Hà", "Hoa", "Lan", "Linh", "Mai", "Ngân", "Phương", "Thảo", "Trang", "Vy", "Yến"];
    private static readonly string[] Streets = ["Nguyễn Trãi", "Trần Phú", "Lê Lợi", "Hai Bà Trưng", "Lý Thường Kiệt", "Quang Trung"];
    private static readonly string[] LegalForms = ["Công ty TNHH một thành viên", "Công ty TNHH hai thành viên trở lên", "Công ty cổ phần", "Doanh nghiệp tư nhân"];
    private static readonly string[] Trades = ["Xây dựng nhà các loại", "Bán buôn thực phẩm", "Vận tải hàng hóa bằng đường bộ", "Hoạt động dịch vụ công nghệ thông tin", "Trồng chè", "Du lịch lữ hành"];
    private static readonly string[] EnterpriseStatuses = ["Đang hoạt động", "Đang hoạt động", "Đang hoạt động", "Tạm ngừng kinh doanh", "Đã giải thể"];

    public const int Seed = 20261123;

    public RegistryDataSet(int citizens = 10_000, int enterprises = 1_000)
    {
        var random = new Random(Seed);
        var provinces = CitizenIdNumber.ProvinceCodes.Order(StringComparer.Ordinal).ToArray();
        Citizens = [.. Enumerable.Range(0, citizens).Select(i => Citizen(random, provinces, i))];
        var codes = new HashSet<string>(StringComparer.Ordinal);
        var list = new List<DoanhNghiep>(enterprises);
        while (list.Count < enterprises)
        {
            var firstNine = random.Next(100_000_000, 999_999_999).ToString("D9", CultureInfo.InvariantCulture);
            var check = EnterpriseCode.CheckDigit(firstNine);
            if (check >= 0 && codes.Add(firstNine + check))
            {
                list.Add(Enterprise(random, firstNine + check, Citizens[random.Next(Citizens.Count)]));
            }
        }
        Enterprises = list;
    }

    public IReadOnlyList<CongDan> Citizens { get; }
    public IReadOnlyList<DoanhNghiep> Enterprises { get; }

    private static CongDan Citizen(Random random, string[] provinces, int index)
    {
        var female = random.Next(2) == 1;
        var born = new DateOnly(1940, 1, 1).AddDays(random.Next(0, 68 * 365));
        var centuryDigit = (born.Year >= 2000 ? 2 : 0) + (female ? 1 : 0);
        var province = provinces[random.Next(provinces.Length)];
        var number = string.Create(CultureInfo.InvariantCulture, $"{province}{centuryDigit}{born.Year % 100:D2}{index:D6}");
        var name = $"{Pick(random, FamilyNames)} {Pick(random, female ? FemaleMiddle : MaleMiddle)} {Pick(random, female ? FemaleGiven : MaleGiven)}";
        var home = Address(random, province);
        return new CongDan(
            number, name, born.ToString("yyyyMMdd", CultureInfo.InvariantCulture), female ? 2 : 1, "Việt Nam", "Kinh", "Không",
            Address(random, province), home, random.Next(4) == 0 ? Address(random, Pick(random, provinces)) : home,
            random.Next(3) == 0 ? random.Next(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture) : "",
            "20260101");
    }

    private static DoanhNghiep Enterprise(Random random, string code, CongDan representative)
    {
        var trade = Pick(random, Trades);
        var shortName = $"{Pick(random, FamilyNames)} {Pick(random, MaleGiven)}".ToUpperInvariant();
        var founded = new DateOnly(1995, 1, 1).AddDays(random.Next(0, 30 * 365));
        return new DoanhNghiep(
            code, $"{Pick(random, LegalForms).ToUpperInvariant()} {shortName}", $"{shortName} COMPANY LIMITED", shortName,
            Pick(random, LegalForms), founded.ToString("yyyyMMdd", CultureInfo.InvariantCulture), Pick(random, EnterpriseStatuses),
            Address(random, representative.NoiThuongTru.MaTinh), random.Next(1, 500) * 100_000_000L,
            [new NguoiDaiDien(representative.HoVaTen, "Giám đốc", representative.SoDinhDanh)],
            [new NganhNghe((4100 + random.Next(0, 5000)).ToString(CultureInfo.InvariantCulture), trade, true)],
            "20260101");
    }

    private static DiaChi Address(Random random, string province) => new(
        province, $"{province}{random.Next(1, 20):D2}", $"{province}{random.Next(1, 400):D4}",
        $"Số {random.Next(1, 300)} đường {Pick(random, Streets)}");

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];
}
