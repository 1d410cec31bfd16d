using System.Diagnostics;
using System.Net;
using WireMock;

namespace IntegrationHub.Sandbox.Timestamping;

/// <summary>
/// A real RFC 3161 time-stamping authority: OpenSSL's <c>openssl ts -reply</c> behind HTTP, with a root
/// and a TSA certificate (extended key usage timeStamping) made for this run. Each query it stamps is
/// counted; a query OpenSSL refuses gets HTTP 400.
/// </summary>
public sealed class TimestampAuthoritySimulator : SimulatedSystem
{
    public const string Path = "/tsa";

    private readonly string _directory;
    private readonly bool _temporary;
    private readonly object _replying = new();
    private int _stamped;

    private TimestampAuthoritySimulator(string? directory, int port) : base(port)
    {
        (_directory, _temporary) = directory is null ? (Directory.CreateTempSubdirectory("sandbox-tsa-").FullName, true) : (System.IO.Path.GetFullPath(directory), false);
        Directory.CreateDirectory(_directory);
        if (!File.Exists(System.IO.Path.Combine(_directory, "tsa.crt")))
        {
            Keys();
        }
        RootCertificate = File.ReadAllText(System.IO.Path.Combine(_directory, "ca.crt"));
        Map(Path, "POST", Reply);
    }

    /// <param name="directory">Where its keys live, kept across runs so that earlier timestamps still verify; none: a temporary folder.</param>
    public static TimestampAuthoritySimulator Start(string? directory = null, int port = 0) => new(directory, port);

    public string TsaUrl => Url + Path;

    public override IReadOnlyDictionary<string, string?> HubSettings(SandboxHub hub) => new Dictionary<string, string?>
    {
        ["Hub:Audit:TimestampAuthorityUrl"] = HubFacingUrl + Path,
        ["Hub:Audit:TimestampAuthorityCertificate"] = RootCertificate,
    };

    /// <summary>The root the TSA's certificate is issued under (PEM): what the hub is told to trust.</summary>
    public string RootCertificate { get; }

    public int Stamped => Volatile.Read(ref _stamped);

    protected override void Stopped()
    {
        if (_temporary)
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private IResponseMessage Reply(IRequestMessage request)
    {
        lock (_replying)
        {
            var query = System.IO.Path.Combine(_directory, "query.tsq");
            var reply = System.IO.Path.Combine(_directory, "reply.tsr");
            File.WriteAllBytes(query, request.BodyAsBytes ?? []);
            var (exitCode, error) = OpenSsl("ts", "-reply", "-config", "tsa.cnf", "-queryfile", query, "-out", reply);
            if (exitCode != 0)
            {
                return SimulatorResponses.Text(HttpStatusCode.BadRequest, $"openssl ts: {error}");
            }
            Interlocked.Increment(ref _stamped);
            return SimulatorResponses.Bytes(HttpStatusCode.OK, File.ReadAllBytes(reply), "application/timestamp-reply");
        }
    }

    private void Keys()
    {
        File.WriteAllText(System.IO.Path.Combine(_directory, "tsa-ext.cnf"), "keyUsage=critical,digitalSignature\nextendedKeyUsage=critical,timeStamping\n");
        File.WriteAllText(System.IO.Path.Combine(_directory, "serial"), "01\n");
        File.WriteAllText(System.IO.Path.Combine(_directory, "tsa.cnf"), $"""
            [ tsa ]
            default_tsa = sandbox
            [ sandbox ]
            serial = {_directory}/serial
            signer_cert = {_directory}/tsa.crt
            signer_key = {_directory}/tsa.key
            signer_digest = sha256
            default_policy = 1.3.6.1.4.1.99999.1
            digests = sha256, sha384, sha512
            accuracy = secs:1
            ess_cert_id_alg = sha256
            ess_cert_id_chain = no
            """);
        Run("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "ca.key", "-out", "ca.crt",
            "-subj", "/CN=Sandbox Time-Stamping Root", "-days", "3650", "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign");
        Run("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "tsa.key", "-out", "tsa.csr", "-subj", "/CN=Sandbox Time-Stamping Authority");
        Run("x509", "-req", "-in", "tsa.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-set_serial", "2", "-days", "3650", "-extfile", "tsa-ext.cnf", "-out", "tsa.crt");
    }

    private void Run(params string[] args)
    {
        var (exitCode, error) = OpenSsl(args);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"openssl {args[0]} failed: {error}");
        }
    }

    private (int ExitCode, string Error) OpenSsl(params string[] args)
    {
        var start = new ProcessStartInfo("openssl") { WorkingDirectory = _directory, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, error.Trim());
    }
}
