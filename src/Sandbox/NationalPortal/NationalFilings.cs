using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;

namespace IntegrationHub.Sandbox.NationalPortal;

/// <summary>A dossier a citizen filed on DVCQG itself, for one of the province's agencies to handle.</summary>
/// <param name="Code">MaHoSo, the national code.</param>
public sealed record NationalFiling(
    string Code, string ProcedureCode, string AgencyCode, DateTimeOffset FiledAt, DateTimeOffset DueAt, string ApplicantName, string IdNumber,
    string BirthDate, string Address, string Phone, string Email, string Summary, IReadOnlyList<FiledDocument> Documents)
{
    /// <summary>
    /// The agency DanhSachHoSo lists the filing under when that is not its own <see cref="AgencyCode"/> (maDonVi): a
    /// filing the portal routed to the wrong province, or whose maDonVi it lost (an empty code: the row has none).
    /// </summary>
    public string? ListedUnder { get; init; }
}

/// <param name="Path">Where the portal keeps the file (duongdanteptin), as LayTaiLieuHoSo is asked for it.</param>
public sealed record FiledDocument(string ComponentCode, string Name, string Path, byte[] Content);

/// <summary>
/// The dossiers filed on the simulated portal: a fixed-seed set, and more filed while it runs. They are served as
/// DVCQG serves them to a province that pulls (DanhSachHoSo for a window, TraCuuHoSo, LayTaiLieuHoSo), in the
/// shapes public integrations show (Thanh Hóa's GPLX client): list rows camelCase, dates dd/MM/yyyy HH:mm:ss.
/// </summary>
public sealed class NationalFilings
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    private readonly ConcurrentDictionary<string, NationalFiling> _filings = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _garbled = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _pushed = new(StringComparer.Ordinal);
    private int _next;

    public IReadOnlyCollection<NationalFiling> All => [.. _filings.Values.OrderBy(f => f.FiledAt)];

    /// <summary>Whether the portal holds a dossier of this code filed on it: one it serves to pulls, or one it pushed.</summary>
    public bool Holds(string code) => _filings.ContainsKey(code) || _pushed.ContainsKey(code);

    /// <summary>A dossier filed on the portal and pushed to the province (not served to pulls) is held from now on.</summary>
    public void Hold(string code) => _pushed[code] = true;

    public NationalFiling? Find(string code) => _filings.GetValueOrDefault(code);

    /// <summary>
    /// A citizen files a dossier on the portal; its code is the portal's (G22 prefix), its files of the sizes given.
    /// <paramref name="citizen"/>: who files (VNeID has verified them), by name, CCCD and birth date (yyyyMMdd, as the
    /// simulated population database holds it); none: a sample citizen.
    /// </summary>
    public NationalFiling File(
        string agencyCode, string procedureCode, DateTimeOffset filedAt, int seed, int[] documentSizes, (string Name, string IdNumber, string BirthDate)? citizen = null)
    {
        var (name, idNumber, birth) = citizen ?? ("Nguyễn Thị Lan", "001190012345", "19900315");
        var number = Interlocked.Increment(ref _next);
        var code = $"G22.99-{filedAt.ToOffset(Vietnam):yyMMdd}-{number:D4}";
        var random = new Random(seed);
        var documents = documentSizes.Select((size, i) =>
        {
            var content = new byte[size];
            random.NextBytes(content);
            "%PDF-1.7\n"u8.CopyTo(content);
            return new FiledDocument($"TP{i + 1:D2}", $"Giấy tờ {i + 1}.pdf", $"/dvcqg/tep/{code}/{i + 1}.pdf", content);
        }).ToList();
        var filing = new NationalFiling(
            code, procedureCode, agencyCode, filedAt, filedAt.AddDays(10), name, idNumber, $"{birth[6..8]}/{birth[4..6]}/{birth[..4]}",
            "Số 5 Trần Phú, Hà Giang", "0912345678", "lan.nguyen@example.vn", $"Hồ sơ nộp trực tuyến trên Cổng DVCQG số {number}", documents);
        foreach (var document in documents)
        {
            _files[document.Path] = document.Content;
        }
        _filings[code] = filing;
        return filing;
    }

    /// <summary>A filing whose fields the test chooses (a malformed one, say): kept as given.</summary>
    public NationalFiling File(NationalFiling filing)
    {
        foreach (var document in filing.Documents)
        {
            _files[document.Path] = document.Content;
        }
        _filings[filing.Code] = filing;
        return filing;
    }

    /// <summary>DanhSachHoSo: the agency's filings received between the two dates (yyyy-MM-dd, inclusive).</summary>
    public JsonArray List(string agencyCode, DateOnly from, DateOnly to) => new([.. _filings.Values
        .Where(f => (f.ListedUnder ?? f.AgencyCode) == agencyCode && DateOnly.FromDateTime(f.FiledAt.ToOffset(Vietnam).DateTime) is var day && day >= from && day <= to)
        .OrderBy(f => f.FiledAt)
        .Select(f => (JsonNode)new JsonObject
        {
            ["maHoSo"] = f.Code,
            ["maTTHC"] = f.ProcedureCode,
            ["maDonVi"] = f.AgencyCode is "" ? null : f.AgencyCode,
            ["ngayNhanHoSo"] = Date(f.FiledAt),
            ["hoTenNguoiNop"] = f.ApplicantName,
            ["soDinhDanh"] = f.IdNumber,
            ["ngaySinh"] = f.BirthDate,
            ["diaChi"] = f.Address,
            ["soDienThoai"] = f.Phone,
            ["email"] = f.Email,
            ["trichYeu"] = f.Summary,
            ["hoSoDinhKem"] = new JsonArray([.. f.Documents.Select(d => (JsonNode)new JsonObject
            {
                ["magiayto"] = d.ComponentCode, ["tengiayto"] = d.Name, ["filedinhkem"] = d.Path,
            })]),
        })]);

    /// <summary>TraCuuHoSo of a filing: its state at the portal and the date promised.</summary>
    public JsonObject Detail(NationalFiling f) => new()
    {
        ["MaTTHC"] = f.ProcedureCode,
        ["MaHoSo"] = f.Code,
        ["HoTenNguoiNop"] = f.ApplicantName,
        ["MaTrangThai"] = "1",
        ["TrangThaiHoSo"] = "Mới đăng ký",
        ["MaDonViXuLy"] = f.AgencyCode,
        ["NgayNop"] = Date(f.FiledAt),
        ["NgayHenTra"] = Date(f.DueAt),
        ["HinhThucNhanKQ"] = "1",
    };

    /// <summary>From now on the file at <paramref name="path"/> is served as <paramref name="text"/> instead of its base64, as a broken portal might.</summary>
    public void Garble(string path, string text) => _garbled[path] = text;

    /// <summary>The file at <paramref name="path"/> is served as it is again.</summary>
    public void Mend(string path) => _garbled.TryRemove(path, out _);

    /// <summary>LayTaiLieuHoSo: the file at a path, if the agency's filing holds it.</summary>
    public JsonArray? Attachment(string agencyCode, string path) =>
        _files.TryGetValue(path, out var content) && _filings.Values.Any(f => f.AgencyCode == agencyCode && f.Documents.Any(d => d.Path == path))
            ? new JsonArray(new JsonObject
            {
                ["Base64"] = _garbled.TryGetValue(path, out var garbled) ? garbled : Convert.ToBase64String(content),
                ["DuongDan"] = path,
                ["TenTaiLieu"] = _filings.Values.SelectMany(f => f.Documents).First(d => d.Path == path).Name,
            })
            : null;

    private static string Date(DateTimeOffset at) => at.ToOffset(Vietnam).ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture);
}
