using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrationHub.Adapters.Registries;
using WireMock;

namespace IntegrationHub.Sandbox.Registries;

/// <summary>
/// One national registry, simulated as registries.md describes it: the population database (verifies a
/// number together with the declared name and birth date) or the enterprise database (looks up a
/// code), behind the platform's client-credentials token, with fault controls and a count of lookups.
/// </summary>
public sealed class RegistrySimulator : SimulatedSystem
{
    /// <summary>MaKetQua values.</summary>
    public static class Codes
    {
        public const string Found = "0";
        public const string NotFound = "1";
        public const string NotMatching = "2";
        public const string Error = "9";
    }

    private static readonly JsonSerializerOptions WireJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly RegistrySimulatorOptions _options;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _tokens = new(StringComparer.Ordinal);
    private readonly Func<JsonObject, Answer> _lookup;
    private int _lookups;
    // A token request that carries an LGSP's credentials header must carry this LGSP's.
    private Func<string, bool>? _lgspCredentials;

    private RegistrySimulator(int port, RegistrySimulatorOptions options, string lookupPath, Func<JsonObject, Answer> lookup)
        : base(port)
    {
        _options = options;
        _lookup = lookup;
        Map(options.TokenPath, "POST", IssueToken);
        Map(lookupPath, "POST", Lookup);
    }

    /// <summary>Tokens issued to a request that carried this LGSP's credentials header.</summary>
    public int LgspTokens => Volatile.Read(ref _lgspTokens);

    private int _lgspTokens;

    /// <summary>Lookups answered so far (found or not), for showing when the hub did not ask.</summary>
    public int Lookups => Volatile.Read(ref _lookups);

    /// <summary>Every token is forgotten, as when the platform rotates its keys.</summary>
    public void ExpireTokens() => _tokens.Clear();

    /// <summary>The URL of the population database's C06 SOAP service, as its authentication hash covers it.</summary>
    public string C06Url => $"{Url}{_options.C06?.Path}";

    /// <summary>The hub's section for this registry: <c>Population</c> or <c>Enterprise</c>.</summary>
    private string _section = "";

    public override IReadOnlyDictionary<string, string?> HubSettings(SandboxHub hub) => new Dictionary<string, string?>
    {
        [$"Hub:Adapters:{_section}:BaseUrl"] = HubFacingUrl,
        [$"Hub:Adapters:{_section}:ClientId"] = _options.ClientId,
        [$"Hub:Adapters:{_section}:ClientSecret"] = _options.ClientSecret,
    };

    public static RegistrySimulator StartPopulation(RegistryDataSet data, RegistrySimulatorOptions options, int port = 0)
    {
        var citizens = data.Citizens.ToDictionary(c => c.SoDinhDanh, StringComparer.Ordinal);
        var simulator = new RegistrySimulator(port, options, options.PopulationPath, request =>
        {
            if (Missing(request, "MaYeuCau", "MaDonVi", "MaCanBo", "MucDich", "SoDinhDanh", "HoVaTen", "NgaySinh") is { } missing)
            {
                return new Answer(Codes.Error, $"Thiếu trường {missing}");
            }
            var number = (string)request["SoDinhDanh"]!;
            if (!CitizenIdNumber.IsWellFormed(number))
            {
                return new Answer(Codes.Error, "SoDinhDanh không hợp lệ");
            }
            if (!citizens.TryGetValue(number, out var citizen))
            {
                return new Answer(Codes.NotFound, "Không tìm thấy công dân");
            }
            var born = (string)request["NgaySinh"]!;
            var birthMatches = born.Length == 4 ? citizen.NgaySinh.StartsWith(born, StringComparison.Ordinal) : citizen.NgaySinh == born;
            return SameName((string)request["HoVaTen"]!, citizen.HoVaTen) && birthMatches
                ? new Answer(Codes.Found, "Thành công", "CongDan", citizen)
                : new Answer(Codes.NotMatching, "Thông tin không khớp với Cơ sở dữ liệu quốc gia về dân cư");
        });
        simulator._section = "Population";
        if (options.C06 is { } c06)
        {
            var endpoint = new C06Endpoint(citizens, c06, () => simulator.C06Url, simulator.TokenValid, () => Interlocked.Increment(ref simulator._lookups));
            simulator.Map(c06.Path, "POST", endpoint.Handle);
            simulator.Map(c06.LgspPath, "POST", endpoint.HandleLgsp);
            simulator._lgspCredentials = endpoint.LgspCredentials;
        }
        return simulator;
    }

    public static RegistrySimulator StartEnterprise(RegistryDataSet data, RegistrySimulatorOptions options, int port = 0)
    {
        var enterprises = data.Enterprises.ToDictionary(e => e.MaSoDoanhNghiep, StringComparer.Ordinal);
        var simulator = new RegistrySimulator(port, options, options.EnterprisePath, request =>
        {
            if (Missing(request, "MaYeuCau", "MaDonVi", "MucDich", "MaSoDoanhNghiep") is { } missing)
            {
                return new Answer(Codes.Error, $"Thiếu trường {missing}");
            }
            var code = (string)request["MaSoDoanhNghiep"]!;
            if (!EnterpriseCode.IsValid(code))
            {
                return new Answer(Codes.Error, "MaSoDoanhNghiep không hợp lệ");
            }
            // A branch (13 digits) is looked up under its parent's record.
            return enterprises.TryGetValue(code[..10], out var enterprise)
                ? new Answer(Codes.Found, "Thành công", "DoanhNghiep", enterprise)
                : new Answer(Codes.NotFound, "Không tìm thấy doanh nghiệp");
        });
        simulator.Map(options.NgspPath, "GET", request => simulator.Authorized(request)
            ? SimulatorResponses.RawJson(HttpStatusCode.OK, NgspDetail.Answer(enterprises, Query(request, "msdn"), () => Interlocked.Increment(ref simulator._lookups)))
            : InvalidToken);
        simulator._section = "Enterprise";
        return simulator;
    }

    private IResponseMessage IssueToken(IRequestMessage request)
    {
        var form = (request.Body ?? "").Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => Uri.UnescapeDataString(pair[0]), pair => pair.Length > 1 ? Uri.UnescapeDataString(pair[1].Replace('+', ' ')) : "", StringComparer.Ordinal);
        var lgsp = request.Headers is { } headers && headers.TryGetValue("lgspaccesstoken", out var values) ? values.FirstOrDefault() : null;
        if (form.GetValueOrDefault("grant_type") != "client_credentials"
            || form.GetValueOrDefault("client_id") != _options.ClientId
            || form.GetValueOrDefault("client_secret") != _options.ClientSecret
            || (lgsp is not null && _lgspCredentials?.Invoke(lgsp) != true))
        {
            return SimulatorResponses.RawJson(HttpStatusCode.Unauthorized, """{"error":"invalid_client"}""");
        }
        if (lgsp is not null)
        {
            Interlocked.Increment(ref _lgspTokens);
        }
        var token = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        _tokens[token] = DateTimeOffset.UtcNow + _options.TokenLifetime;
        return SimulatorResponses.RawJson(HttpStatusCode.OK, JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["access_token"] = token,
            ["token_type"] = "Bearer",
            ["expires_in"] = (int)_options.TokenLifetime.TotalSeconds,
        }));
    }

    private static IResponseMessage InvalidToken => SimulatorResponses.RawJson(HttpStatusCode.Unauthorized, """{"error":"invalid_token"}""");

    private static string Query(IRequestMessage request, string name) =>
        request.Query is { } query && query.TryGetValue(name, out var values) ? values.ToString() ?? "" : "";

    /// <summary>Whether the request carries a token this platform issued and that has not expired.</summary>
    private bool Authorized(IRequestMessage request)
    {
        var authorization = request.Headers is { } headers && headers.TryGetValue("Authorization", out var values) ? values.FirstOrDefault() ?? "" : "";
        return authorization.StartsWith("Bearer ", StringComparison.Ordinal) && TokenValid(authorization["Bearer ".Length..]);
    }

    private bool TokenValid(string token) => _tokens.TryGetValue(token, out var expires) && expires >= DateTimeOffset.UtcNow;

    private IResponseMessage Lookup(IRequestMessage request)
    {
        if (!Authorized(request))
        {
            return InvalidToken;
        }
        JsonObject? body;
        try
        {
            body = JsonNode.Parse(request.Body ?? "") as JsonObject;
        }
        catch (JsonException)
        {
            body = null;
        }
        var answer = body is null ? new Answer(Codes.Error, "Yêu cầu không phải JSON") : _lookup(body);
        Interlocked.Increment(ref _lookups);
        var reply = new Dictionary<string, object?> { ["MaKetQua"] = answer.Code, ["MoTa"] = answer.Description };
        if (answer.RecordName is { } name)
        {
            reply[name] = answer.Record;
        }
        return SimulatorResponses.RawJson(HttpStatusCode.OK, JsonSerializer.Serialize(reply, WireJson));
    }

    private static string? Missing(JsonObject request, params string[] fields) =>
        fields.FirstOrDefault(f => request[f] is not JsonValue value || !value.TryGetValue<string>(out var text) || string.IsNullOrWhiteSpace(text));

    /// <summary>Names match whatever the case, spacing or Unicode composition the caller used.</summary>
    private static bool SameName(string declared, string recorded) =>
        string.Equals(Canonical(declared), Canonical(recorded), StringComparison.Ordinal);

    private static string Canonical(string name) =>
        string.Join(' ', name.Normalize(NormalizationForm.FormC).ToUpper(CultureInfo.GetCultureInfo("vi-VN")).Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private sealed record Answer(string Code, string Description, string? RecordName = null, object? Record = null);
}
