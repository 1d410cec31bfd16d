using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using WireMock;

namespace IntegrationHub.Sandbox.Registries;

/// <summary>
/// One national registry, simulated in the forms its public clients speak: the population database (C06's
/// look-up of a number together with the declared name and birth date: direct, through an LGSP, or through a
/// JSON proxy) or the enterprise database (a code looked up in NGSP's, Hồ Chí Minh City's or Thanh Hóa's form),
/// the LGSP forms behind the platform's client-credentials token, with fault controls and a count of lookups.
/// </summary>
public sealed class RegistrySimulator : SimulatedSystem
{
    private readonly RegistrySimulatorOptions _options;
    private readonly C06SimulatorOptions _c06;
    /// <summary>The hub's section for this registry: <c>Population</c> or <c>Enterprise</c>.</summary>
    private string _section = "";
    /// <summary>The hub's settings for accounts of the registry's own beside the platform's, relative to its section.</summary>
    private IReadOnlyDictionary<string, string?> _accounts = new Dictionary<string, string?>();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _tokens = new(StringComparer.Ordinal);
    private int _lookups;
    // A token request that carries an LGSP's credentials header must carry this LGSP's.
    private Func<string, bool>? _lgspCredentials;

    private RegistrySimulator(int port, RegistrySimulatorOptions options)
        : base(port)
    {
        _options = options;
        _c06 = options.C06 ?? new C06SimulatorOptions { SecretKey = options.ClientSecret };
        Map(options.TokenPath, "POST", IssueToken);
    }

    /// <summary>Tokens issued to a request that carried this LGSP's credentials header.</summary>
    public int LgspTokens => Volatile.Read(ref _lgspTokens);

    private int _lgspTokens;

    /// <summary>Tokens issued to a request that gave the client's credentials as HTTP Basic.</summary>
    public int BasicTokens => Volatile.Read(ref _basicTokens);

    private int _basicTokens;

    /// <summary>Lookups answered so far (found or not), for showing when the hub did not ask.</summary>
    public int Lookups => Volatile.Read(ref _lookups);

    /// <summary>Every token is forgotten, as when the platform rotates its keys.</summary>
    public void ExpireTokens() => _tokens.Clear();

    /// <summary>The URL of the population database's C06 SOAP service, as its authentication hash covers it.</summary>
    public string C06Url => $"{Url}{_c06.Path}";

    public override IReadOnlyDictionary<string, string?> HubSettings(SandboxHub hub)
    {
        var settings = new Dictionary<string, string?>
        {
            [$"Hub:Adapters:{_section}:BaseUrl"] = HubFacingUrl,
            [$"Hub:Adapters:{_section}:ClientId"] = _options.ClientId,
            [$"Hub:Adapters:{_section}:ClientSecret"] = _options.ClientSecret,
        };
        foreach (var (key, value) in _accounts)
        {
            settings[$"Hub:Adapters:{_section}:{key}"] = value;
        }
        return settings;
    }

    public static RegistrySimulator StartPopulation(RegistryDataSet data, RegistrySimulatorOptions options, int port = 0)
    {
        var citizens = data.Citizens.ToDictionary(c => c.SoDinhDanh, StringComparer.Ordinal);
        var simulator = new RegistrySimulator(port, options) { _section = "Population" };
        var endpoint = new C06Endpoint(citizens, simulator._c06, () => simulator.C06Url, simulator.TokenValid, () => Interlocked.Increment(ref simulator._lookups));
        simulator.Map(simulator._c06.Path, "POST", endpoint.Handle);
        simulator.Map(simulator._c06.LgspPath, "POST", endpoint.HandleLgsp);
        simulator.Map(simulator._c06.JsonProxyPath, "POST", endpoint.HandleJsonProxy);
        simulator._lgspCredentials = endpoint.LgspCredentials;
        // Its C06 account (the URL its hash covers is this simulator's own, as C06 issues it with the account) and its
        // LGSP keys, so that any of its dialects is one setting away.
        simulator._accounts = new Dictionary<string, string?>
        {
            ["C06:ServiceUrl"] = simulator.C06Url,
            ["C06:Username"] = simulator._c06.Username,
            ["C06:SecretKey"] = simulator._c06.SecretKey,
            ["Lgsp:AccessKey"] = simulator._c06.LgspAccessKey,
            ["Lgsp:SecretKey"] = simulator._c06.SecretKey,
        };
        return simulator;
    }

    public static RegistrySimulator StartEnterprise(RegistryDataSet data, RegistrySimulatorOptions options, int port = 0)
    {
        var simulator = new RegistrySimulator(port, options) { _section = "Enterprise" };
        var forms = new EnterpriseForms(data.Enterprises.ToDictionary(e => e.MaSoDoanhNghiep, StringComparer.Ordinal), () => Interlocked.Increment(ref simulator._lookups));
        simulator.MapDetail(options.NgspPath, "msdn", forms.Ngsp);
        simulator.MapDetail(options.HcmPath, "MaSoDoanhNghiep", forms.Hcm);
        simulator.MapDetail(options.ThanhHoaPath, "msdn", forms.ThanhHoa);
        return simulator;
    }

    /// <summary>A GET look-up by one query parameter, with the platform's token.</summary>
    private void MapDetail(string path, string parameter, Func<string, (HttpStatusCode Status, string Json)> answer) =>
        Map(path, "GET", request =>
        {
            if (!Authorized(request))
            {
                return InvalidToken;
            }
            var (status, json) = answer(Query(request, parameter));
            return SimulatorResponses.RawJson(status, json);
        });

    /// <summary>A client-credentials token: the client's id and secret in the form or as HTTP Basic (OAuth 2 allows both), not both at once.</summary>
    private IResponseMessage IssueToken(IRequestMessage request)
    {
        var form = (request.Body ?? "").Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => Uri.UnescapeDataString(pair[0]), pair => pair.Length > 1 ? Uri.UnescapeDataString(pair[1].Replace('+', ' ')) : "", StringComparer.Ordinal);
        var lgsp = Header(request, "lgspaccesstoken");
        var basic = BasicCredentials(Header(request, "Authorization"));
        var (id, secret) = basic ?? (form.GetValueOrDefault("client_id"), form.GetValueOrDefault("client_secret"));
        if (form.GetValueOrDefault("grant_type") != "client_credentials"
            || (basic is not null && (form.ContainsKey("client_id") || form.ContainsKey("client_secret")))
            || id != _options.ClientId || secret != _options.ClientSecret
            || (lgsp is not null && _lgspCredentials?.Invoke(lgsp) != true))
        {
            return SimulatorResponses.RawJson(HttpStatusCode.Unauthorized, """{"error":"invalid_client"}""");
        }
        if (basic is not null)
        {
            Interlocked.Increment(ref _basicTokens);
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

    private static (string? Id, string? Secret)? BasicCredentials(string? authorization)
    {
        if (authorization is null || !authorization.StartsWith("Basic ", StringComparison.Ordinal))
        {
            return null;
        }
        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(authorization["Basic ".Length..])).Split(':', 2);
            return (pair[0], pair.Length > 1 ? pair[1] : null);
        }
        catch (FormatException)
        {
            return (null, null);
        }
    }

    private static string? Header(IRequestMessage request, string name) =>
        request.Headers is { } headers && headers.TryGetValue(name, out var values) ? values.FirstOrDefault() : null;

    private static IResponseMessage InvalidToken => SimulatorResponses.RawJson(HttpStatusCode.Unauthorized, """{"error":"invalid_token"}""");

    private static string Query(IRequestMessage request, string name) =>
        request.Query is { } query && query.TryGetValue(name, out var values) ? values.ToString() ?? "" : "";

    /// <summary>Whether the request carries a token this platform issued and that has not expired.</summary>
    private bool Authorized(IRequestMessage request)
    {
        var authorization = Header(request, "Authorization") ?? "";
        return authorization.StartsWith("Bearer ", StringComparison.Ordinal) && TokenValid(authorization["Bearer ".Length..]);
    }

    private bool TokenValid(string token) => _tokens.TryGetValue(token, out var expires) && expires >= DateTimeOffset.UtcNow;
}
