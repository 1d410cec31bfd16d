using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace IntegrationHub.Sandbox.NationalPortal;

/// <summary>
/// The national public-service portal (DVCQG), simulated: login and sessions, DongBoHoSoMC,
/// CapNhatTienDoHoSoMC, TraCuuHoSo and LayThuTuc with the contract's checks and codes, what it
/// received kept in <see cref="Records"/>, and fault controls.
/// </summary>
public sealed class PortalSimulator : SimulatedSystem
{
    /// <summary>error_code values of this simulator; the hub's defaults classify them.</summary>
    public static class Codes
    {
        public const string Success = "00";
        public const string SessionInvalid = "-1";
        public const string LoginFailed = "1";
        public const string InvalidData = "2";
        public const string AlreadyExists = "3";
        public const string NotFound = "4";
        public const string UnknownProcedure = "5";
    }

    private readonly PortalSimulatorOptions _options;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _rejections = new(StringComparer.Ordinal);

    private PortalSimulator(int port, PortalSimulatorOptions options)
        : base(port)
    {
        _options = options;
        Map(options.AuthPath, "POST", Login);
        Map(options.IntegrationPath, "POST", Integration);
        Server.Given(Request.Create().WithPath("/_sandbox/received").UsingGet())
            .AtPriority(1)
            .RespondWith(Response.Create().WithCallback(_ => SimulatorResponses.Json(HttpStatusCode.OK, Records.Dossiers.Select(d =>
            {
                var (syncs, progress) = d.Counts;
                return new { d.Code, d.FirstReceivedAt, d.Status, Syncs = syncs, Progress = progress };
            }))));
    }

    public PortalRecords Records { get; } = new();

    /// <summary>Dossiers citizens filed on the portal itself, which the province pulls.</summary>
    public NationalFilings Filings { get; } = new();

    /// <summary>What the portal asks the province (its calls on the hub).</summary>
    public ProvinceCalls Province => _province ??= new ProvinceCalls(_options, Records, Filings);

    private ProvinceCalls? _province;

    public override IReadOnlyDictionary<string, string?> HubSettings(SandboxHub hub) => new Dictionary<string, string?>
    {
        ["Hub:Adapters:NationalPortal:BaseUrl"] = HubFacingUrl,
        ["Hub:Adapters:NationalPortal:Username"] = _options.Username,
        ["Hub:Adapters:NationalPortal:Password"] = _options.Password,
        ["Hub:Adapters:NationalPortal:UnitCode"] = _options.UnitCode,
        ["Hub:PortalCalls:Secret"] = _options.ProvinceCallSecret,
    };

    public static PortalSimulator Start(PortalSimulatorOptions options, int port = 0) =>
        new(port, options);

    /// <summary>Every session is forgotten, as when the portal restarts or sessions time out.</summary>
    public void ExpireSessions() => _sessions.Clear();

    /// <summary>Every item for this dossier is refused with a validation error until <see cref="AcceptDossier"/>.</summary>
    public void RejectDossier(string code, string message) => _rejections[code] = message;

    public void AcceptDossier(string code) => _rejections.TryRemove(code, out _);

    /// <summary>Every write is refused with this error_code and message, without being processed, until <see cref="AnswerWritesNormally"/>.</summary>
    public void RefuseWritesWith(string errorCode, string message) => _refusal = new Refusal(errorCode, message);

    public void AnswerWritesNormally() => _refusal = null;

    private volatile Refusal? _refusal;

    private sealed record Refusal(string Code, string Message);

    /// <summary>
    /// The next call of <paramref name="service"/> is held <paramref name="latency"/> before it is processed, and then
    /// takes effect whether or not its caller still waits (a portal slow on one call); every other call is answered at once.
    /// </summary>
    /// <returns>Done when the held call has been processed.</returns>
    public Task HoldNext(string service, TimeSpan latency)
    {
        var hold = new Hold(service, latency, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        _held = hold;
        return hold.Processed.Task;
    }

    private volatile Hold? _held;

    private sealed record Hold(string Service, TimeSpan Latency, TaskCompletionSource Processed);

    private IResponseMessage Login(IRequestMessage request)
    {
        var body = Parse(request.Body);
        if (body is null || Str(body, "username") != _options.Username || Str(body, "password") != _options.Password)
        {
            return SimulatorResponses.RawJson(HttpStatusCode.OK, """{"error_code":1,"message":"Sai tên đăng nhập hoặc mật khẩu"}""");
        }
        var session = Guid.NewGuid().ToString("N");
        _sessions[session] = DateTimeOffset.UtcNow + _options.SessionLifetime;
        return SimulatorResponses.RawJson(HttpStatusCode.OK, JsonSerializer.Serialize(new Dictionary<string, object> { ["error_code"] = 0, ["session"] = session }));
    }

    private async Task<IResponseMessage> Integration(IRequestMessage request)
    {
        if (_held is { } held && Parse(request.Body) is { } call && Str(call, "service") == held.Service
            && ReferenceEquals(Interlocked.CompareExchange(ref _held, null, held), held))
        {
            await Task.Delay(held.Latency);
            var answer = Answer(request);
            held.Processed.SetResult();
            return answer;
        }
        return Answer(request);
    }

    private IResponseMessage Answer(IRequestMessage request)
    {
        var body = Parse(request.Body);
        var service = Str(body, "service") ?? "";
        if (!Header(request, "Content-Type").StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            Records.Violation($"{service}: Content-Type is not application/json");
        }
        if (Header(request, "Accept") != "application/json")
        {
            Records.Violation($"{service}: Accept is not application/json");
        }
        // Read once: a test may answer normally again while this call is under way, and the refusal this call
        // answered with is then still the test's, not a violation.
        var refusal = _refusal;
        var (code, message, result) = body is null ? (Codes.InvalidData, "Dữ liệu không phải JSON", null) : Handle(body, service, refusal);
        if (code is not (Codes.Success or Codes.SessionInvalid) && !DossierCodes(body).Any(_rejections.ContainsKey) && code != refusal?.Code)
        {
            Records.Violation($"{service} {string.Join(",", DossierCodes(body))}: error_code {code} {message}");
        }
        Records.Log(new PortalCall(service, DossierCodes(body), Str(body, "isUpdating"), code, DateTimeOffset.UtcNow, Header(request, "Accept"), Str(body, "session")));
        var answer = new JsonObject { ["error_code"] = code, ["message"] = message };
        if (result is not null)
        {
            // The pull calls answer as Thanh Hóa's client reads them: rows under data, files under TepTinDinhKem.
            answer[service switch { "DanhSachHoSo" => "data", "LayTaiLieuHoSo" => "TepTinDinhKem", _ => "result" }] = result;
        }
        return SimulatorResponses.RawJson(HttpStatusCode.OK, answer.ToJsonString());
    }

    private (string Code, string Message, JsonArray? Result) Handle(JsonObject body, string service, Refusal? refusal)
    {
        var session = Str(body, "session");
        if (session is null || !_sessions.TryGetValue(session, out var expires) || expires < DateTimeOffset.UtcNow)
        {
            return (Codes.SessionInvalid, "Phiên làm việc không hợp lệ hoặc đã hết hạn", null);
        }
        if (Str(body, "madonvi") != _options.UnitCode)
        {
            return (Codes.InvalidData, "madonvi: không đúng đơn vị", null);
        }
        if (body.Select(p => p.Key).FirstOrDefault(k => !PortalContract.EnvelopeFields.Contains(k)) is { } unknown)
        {
            return (Codes.InvalidData, $"{unknown}: trường không có trong đặc tả", null);
        }
        if (service is "DongBoHoSoMC" or "CapNhatTienDoHoSoMC" && refusal is not null)
        {
            return (refusal.Code, refusal.Message, null);
        }
        return service switch
        {
            "DongBoHoSoMC" => Sync(body),
            "CapNhatTienDoHoSoMC" => Progress(body),
            "TraCuuHoSo" => Lookup(Str(body, "mahoso")),
            "DanhSachHoSo" => FilingList(body),
            "LayTaiLieuHoSo" => FilingAttachment(body),
            "LayThuTuc" => Procedure(Str(body, "maTTHC")),
            "LayDanhSachTTHC" => ProcedureList(),
            _ => (Codes.InvalidData, $"service: không hỗ trợ '{service}'", null),
        };
    }

    private (string, string, JsonArray?) Sync(JsonObject body)
    {
        var isUpdating = Str(body, "isUpdating");
        if (isUpdating is not ("True" or "False"))
        {
            return (Codes.InvalidData, "isUpdating: phải là \"True\" hoặc \"False\"", null);
        }
        if (Items(body) is not { } items)
        {
            return (Codes.InvalidData, "data: phải là mảng có phần tử", null);
        }
        foreach (var item in items)
        {
            var code = PortalContract.Text(item, "MaHoSo");
            if ((PortalContract.CheckDossier(item) ?? Unknown(item, PortalContract.DossierFields)) is { } problem)
            {
                return (Codes.InvalidData, problem, null);
            }
            if (!ProcedureCatalogData.Procedures.ContainsKey(PortalContract.Text(item, "MaTTHC")!))
            {
                return (Codes.UnknownProcedure, "MaTTHC: không có trong danh mục thủ tục", null);
            }
            if (_rejections.TryGetValue(code!, out var rejection))
            {
                return (Codes.InvalidData, rejection, null);
            }
            // A dossier filed on the portal itself is held there already: the province only updates it.
            var exists = Records.Exists(code!) || Filings.Holds(code!);
            if (isUpdating == "False" && exists)
            {
                return (Codes.AlreadyExists, $"Hồ sơ {code} đã tồn tại", null);
            }
            if (isUpdating == "True" && !exists)
            {
                return (Codes.NotFound, $"Hồ sơ {code} không tồn tại", null);
            }
        }
        foreach (var item in items)
        {
            var code = PortalContract.Text(item, "MaHoSo")!;
            if (Records.Dossier(code) is { } record)
            {
                if (record.AddSync(item))
                {
                    Records.Violation($"DongBoHoSoMC {code}: the same sync again, with no step since the last one");
                }
            }
            else
            {
                Records.Create(code, item);
            }
        }
        return (Codes.Success, "Đồng bộ hồ sơ thành công", null);
    }

    private (string, string, JsonArray?) Progress(JsonObject body)
    {
        if (Items(body) is not { } items)
        {
            return (Codes.InvalidData, "data: phải là mảng có phần tử", null);
        }
        foreach (var item in items)
        {
            if ((PortalContract.CheckProgress(item) ?? Unknown(item, PortalContract.ProgressFields)) is { } problem)
            {
                return (Codes.InvalidData, problem, null);
            }
            var code = PortalContract.Text(item, "MaHoSo")!;
            if (_rejections.TryGetValue(code, out var rejection))
            {
                return (Codes.InvalidData, rejection, null);
            }
            if (!Records.Exists(code))
            {
                return (Codes.NotFound, $"Hồ sơ {code} không tồn tại", null);
            }
        }
        foreach (var item in items)
        {
            var code = PortalContract.Text(item, "MaHoSo")!;
            if (Records.Dossier(code)!.AddProgress(item))
            {
                Records.Violation($"CapNhatTienDoHoSoMC {code}: a step the portal already holds ({PortalContract.Text(item, "ThoiDiemXuLy")}, {PortalContract.Text(item, "NoiDungXuLy")})");
            }
        }
        return (Codes.Success, "Cập nhật tiến độ thành công", null);
    }

    /// <summary>
    /// The dossier as the portal holds it: its latest sync, and its steps under <c>QuaTrinhXuLy</c>
    /// (the name one province integration gives the progress list; the contract does not show this answer's steps).
    /// </summary>
    private (string, string, JsonArray?) Lookup(string? code)
    {
        var result = new JsonArray();
        if (code is not null && Records.Dossier(code) is { } record)
        {
            var held = record.Latest;
            held["QuaTrinhXuLy"] = new JsonArray([.. record.Progress]);
            result.Add(held);
        }
        else if (code is not null && Filings.Find(code) is { } filing)
        {
            result.Add(Filings.Detail(filing));
        }
        return (Codes.Success, "Thành công", result);
    }

    /// <summary>DanhSachHoSo {donViXuLy, ngayNhan1, ngayNhan2 (yyyy-MM-dd)}: the agency's filings in the window.</summary>
    private (string, string, JsonArray?) FilingList(JsonObject body)
    {
        var agency = Str(body, "donViXuLy");
        if (string.IsNullOrEmpty(agency)
            || !DateOnly.TryParseExact(Str(body, "ngayNhan1"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            || !DateOnly.TryParseExact(Str(body, "ngayNhan2"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to)
            || to < from)
        {
            return (Codes.InvalidData, "donViXuLy, ngayNhan1, ngayNhan2 (yyyy-MM-dd, ngayNhan1 <= ngayNhan2) là bắt buộc", null);
        }
        return (Codes.Success, "Thành công", Filings.List(agency, from, to));
    }

    /// <summary>LayTaiLieuHoSo {donViXuLy, duongdanteptin}: one attached file as base64, under <c>TepTinDinhKem</c>.</summary>
    private (string, string, JsonArray?) FilingAttachment(JsonObject body) =>
        Filings.Attachment(Str(body, "donViXuLy") ?? "", Str(body, "duongdanteptin") ?? "") is { } files
            ? (Codes.Success, "Thành công", files)
            : (Codes.NotFound, "Không tìm thấy tệp tin", null);

    private static string? Unknown(JsonObject item, IReadOnlyDictionary<string, string[]> fields) =>
        PortalContract.UnknownField(item, fields) is { } unknown ? $"{unknown}: trường không có trong đặc tả" : null;

    private static string Header(IRequestMessage request, string name) =>
        request.Headers is { } headers && headers.TryGetValue(name, out var values) ? string.Join(",", values) : "";

    private static (string, string, JsonArray?) Procedure(string? code)
    {
        var result = new JsonArray();
        if (code is not null && ProcedureCatalogData.Procedures.TryGetValue(code, out var procedure))
        {
            var (days, unit, fee, papers) = ProcedureCatalogData.Details[code];
            JsonObject Way(int channel) => new()
            {
                ["KENH"] = channel,
                ["THOIGIAN"] = new JsonArray(new JsonObject
                {
                    ["THOIGIANGIAIQUYET"] = days, ["DONVITINH"] = unit, ["MOTA"] = $"{days} {unit.ToLowerInvariant()} kể từ ngày nhận đủ hồ sơ hợp lệ",
                    ["PHILEPHI"] = fee == 0 ? new JsonArray() : new JsonArray(new JsonObject { ["MAPHILEPHI"] = "LP01", ["SOTIEN"] = fee.ToString(CultureInfo.InvariantCulture), ["DONVI"] = "Đồng", ["MOTA"] = "Lệ phí" }),
                }),
            };
            result.Add(new JsonObject
            {
                ["MATTHC"] = code,
                ["TENTTHC"] = procedure.Name,
                ["LINHVUCTHUCHIEN"] = new JsonArray(new JsonObject { ["MALINHVUC"] = procedure.FieldCode, ["TENLINHVUC"] = procedure.FieldName }),
                ["CAPTHUCHIEN"] = new JsonArray(new JsonObject { ["CAPTHUCHIEN"] = "2", ["TENCAP"] = "Cấp Tỉnh" }),
                ["CACHTHUCTHUCHIEN"] = new JsonArray(Way(1), Way(2)),
                ["THANHPHANHOSO"] = new JsonArray(new JsonObject
                {
                    ["TRUONGHOP"] = "Trường hợp chung",
                    ["GIAYTO"] = new JsonArray([.. papers.Select((paper, i) => (JsonNode)new JsonObject
                    {
                        ["MAGIAYTO"] = $"GT{i + 1:D2}", ["TENGIAYTO"] = paper, ["SOBANCHINH"] = 1, ["SOBANSAO"] = i == 0 ? 0 : 1,
                    })]),
                }),
                ["KETQUATHUCHIEN"] = new JsonArray(new JsonObject { ["MAKETQUA"] = $"KQ.{code}", ["TENKETQUA"] = procedure.Name }),
                ["COQUANTHUCHIEN"] = new JsonArray(new JsonObject { ["MADONVI"] = "000.00.01.H22", ["TENDONVI"] = "Sở Tư pháp tỉnh Hà Giang" }),
            });
        }
        return (Codes.Success, "Thành công", result);
    }

    /// <summary>LayDanhSachTTHC: every procedure of the catalogue, by code and name.</summary>
    private static (string, string, JsonArray?) ProcedureList() =>
        (Codes.Success, "Thành công", new JsonArray([.. ProcedureCatalogData.Procedures.Select(p => (JsonNode)new JsonObject { ["MATTHC"] = p.Key, ["TENTTHC"] = p.Value.Name })]));

    private static List<JsonObject>? Items(JsonObject body) =>
        body["data"] is JsonArray { Count: > 0 } array && array.All(i => i is JsonObject) ? [.. array.Cast<JsonObject>()] : null;

    private static List<string> DossierCodes(JsonObject? body) =>
        body is null ? []
        : Items(body) is { } items ? [.. items.Select(i => PortalContract.Text(i, "MaHoSo")).OfType<string>()]
        : Str(body, "mahoso") is { } code ? [code] : [];

    private static string? Str(JsonObject? body, string name) => body is null ? null : PortalContract.Text(body, name);

    private static JsonObject? Parse(string? text)
    {
        try
        {
            return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
