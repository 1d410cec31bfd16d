using IntegrationHub.Sandbox;
using IntegrationHub.Sandbox.NationalPortal;
using IntegrationHub.Sandbox.Payments;
using IntegrationHub.Sandbox.Registries;
using IntegrationHub.Sandbox.Sms;

namespace IntegrationHub.Tests.Infrastructure;

/// <summary>Configuration of a hub under test: its database, the simulators, and short retry times.</summary>
public static class HubSettings
{
    public const string PortalPassword = "sandbox-portal-password";

    public const string RegistrySecret = "sandbox-registry-secret";

    public const string PortalCallSecret = "sandbox-portal-call-secret";

    /// <summary>The portal, calling the province (the hub) at <paramref name="provinceUrl"/> with the secret it was given.</summary>
    public static PortalSimulatorOptions PortalOptions(string? provinceUrl = null) => new()
    {
        Password = PortalPassword, UnitCode = TestAgencies.PortalUnitCode, ProvinceUrl = provinceUrl, ProvinceCallSecret = PortalCallSecret,
    };

    /// <summary>The registries' people, generated once for every hub under test.</summary>
    public static readonly RegistryDataSet Registries = new();

    public static RegistrySimulatorOptions RegistryOptions => new() { ClientSecret = RegistrySecret, C06 = new() { SecretKey = RegistrySecret } };

    public const string VnpaySecret = "sandbox-vnpay-hash-secret";

    public const string SmsSecret = "sandbox-sms-secret";

    /// <summary>What the SMS provider's callback URL carries to prove a report comes from it.</summary>
    public static readonly string SmsReportSecret = "reports-" + Guid.NewGuid().ToString("N");

    /// <summary>
    /// An outage of hours, compressed: short backoffs, probes and circuit breaks make a failing portal's changes
    /// tried every fraction of a second, and <paramref name="maxAttempts"/> reached within seconds.
    /// </summary>
    public static void FastRetries(Dictionary<string, string?> settings, int maxAttempts)
    {
        settings["Hub:Outbox:MaxAttempts"] = maxAttempts.ToString();
        settings["Hub:Outbox:RetryBaseDelay"] = "00:00:00.1";
        settings["Hub:Outbox:RetryMaxDelay"] = "00:00:00.3";
        settings["Hub:Outbox:RecoveryProbeInterval"] = "00:00:00.2";
        settings["Hub:Adapters:NationalPortal:BreakerBreakDuration"] = "00:00:00.5";
    }

    /// <summary>The hub the simulators serve, at its HTTP address.</summary>
    public static SandboxHub Hub(string hubHttpAddress) => new(hubHttpAddress, SmsReportSecret);

    /// <summary>A provider's account, tried in the order given; SpeedSMS reports to the hub's URL registered with it.</summary>
    public static SmsSimulatorOptions SmsOptions(int priority, string? reportUrl = null) => new() { Secret = SmsSecret, Priority = priority, ReportUrl = reportUrl };

    /// <summary>SMS notices through eSMS first, Viettel second, SpeedSMS third, with short time limits; reports are asked for at once.</summary>
    public static void AddSms(Dictionary<string, string?> settings, string hubHttpAddress, params SmsSimulator[] providers)
    {
        foreach (var provider in providers)
        {
            Add(settings, provider.HubSettings(Hub(hubHttpAddress)));
        }
        foreach (var name in new[] { "Esms", "Viettel", "SpeedSms" })
        {
            settings[$"Hub:Adapters:Sms:{name}:AttemptTimeout"] = "00:00:01";
            settings[$"Hub:Adapters:Sms:{name}:TotalTimeout"] = "00:00:02";
        }
        settings["Hub:Notices:ReportPullAfter"] = "00:00:00";
    }

    /// <summary>VNPAY calling the hub's callback, retrying quickly.</summary>
    public static VnpaySimulatorOptions VnpayOptions(string hubHttpAddress) => new()
    {
        HashSecret = VnpaySecret,
        IpnUrl = $"{hubHttpAddress}/payments/vnpay/callback",
        IpnRetryInterval = TimeSpan.FromMilliseconds(200),
    };

    public const string PlatformKey = "sandbox-payment-platform-key";

    /// <summary>A procedure whose fees the DVCQG payment platform takes; others go through VNPAY.</summary>
    public const string PlatformProcedureCode = "1.004227";

    /// <summary>The payment platform confirming to the hub's callback, retrying quickly.</summary>
    public static PaymentPlatformSimulatorOptions PaymentPlatformOptions(string hubHttpAddress) => new()
    {
        HashKey = PlatformKey,
        ConfirmUrl = $"{hubHttpAddress}/payments/dvcqg-payment/callback",
        ConfirmRetryInterval = TimeSpan.FromMilliseconds(200),
    };

    /// <summary>
    /// A hub pointed at the simulators by their own declarations (<see cref="SimulatedSystem.HubSettings"/>, as ./run.sh
    /// and docker-compose read them), with the test's database, loopback endpoints and short times.
    /// </summary>
    public static Dictionary<string, string?> For(
        string connectionString, PortalSimulator portal, RegistrySimulator population, RegistrySimulator enterprises, VnpaySimulator vnpay,
        PaymentPlatformSimulator platform, string grpcUrl = "http://127.0.0.1:0", string httpUrl = "http://127.0.0.1:0")
    {
        var settings = new Dictionary<string, string?>(TestAgencies.Settings())
        {
            ["ConnectionStrings:Hub"] = connectionString,
            ["ConnectionStrings:HubOwner"] = TestPostgres.Owner(connectionString),
            ["Kestrel:Endpoints:Grpc:Url"] = grpcUrl,
            ["Kestrel:Endpoints:Grpc:Protocols"] = "Http2",
            ["Kestrel:Endpoints:Http:Url"] = httpUrl,
            ["Kestrel:Endpoints:Http:Protocols"] = "Http1",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Hub:Outbox:PollInterval"] = "00:00:00.100",
            // Each hub anchors its seals in a file of its own.
            ["Hub:Audit:AnchorFile"] = Path.Combine(Path.GetTempPath(), $"hub-anchors-{Guid.NewGuid():N}.jsonl"),
            ["Hub:Outbox:RetryBaseDelay"] = "00:00:00.100",
            ["Hub:Outbox:RetryMaxDelay"] = "00:00:00.500",
            // Outlasts the slow calls the 1 s attempt limit gives up on in PortalFaultTests (2.5 s).
            ["Hub:Outbox:InDoubtDelay"] = "00:00:03",
            // A crashed hub's claims come back within seconds; the portal's time limits fit well inside.
            ["Hub:Outbox:ClaimLease"] = "00:00:08",
            ["Hub:Outbox:LeaseMargin"] = "00:00:02",
            ["Hub:Adapters:NationalPortal:BreakerBreakDuration"] = "00:00:00.500",
            ["Hub:Adapters:Population:UnitCode"] = TestAgencies.PortalUnitCode,
            ["Hub:Adapters:Population:C06:ServiceCode"] = "VPCP",
            ["Hub:Adapters:Population:C06:OfficerId"] = "002090000001",
            ["Hub:Adapters:Enterprise:UnitCode"] = TestAgencies.PortalUnitCode,
            ["Hub:Adapters:PaymentPlatform:Beneficiaries:" + TestAgencies.JusticeCode + ":Account"] = "3511.0.1045678.00000",
            ["Hub:Adapters:PaymentPlatform:Beneficiaries:" + TestAgencies.JusticeCode + ":BankCode"] = "KBNN.HAGIANG",
            ["Hub:Adapters:PaymentPlatform:Beneficiaries:" + TestAgencies.JusticeCode + ":AccountName"] = "Sở Tư pháp tỉnh Hà Giang",
            ["Hub:Payments:DefaultGateway"] = "vnpay",
            ["Hub:Payments:ProcedureGateways:" + PlatformProcedureCode] = "dvcqg-payment",
            ["Hub:Payments:ReconcileAfter"] = "00:00:00",
        };
        var hub = Hub(httpUrl);
        foreach (SimulatedSystem system in new SimulatedSystem[] { portal, population, enterprises, vnpay, platform })
        {
            Add(settings, system.HubSettings(hub));
        }
        // One quick retry for every request-answer adapter, and time limits a hub's first (cold) call on a busy two-core
        // machine stays within: tests count calls, and a call given up on is made again. Tests of slow answers set
        // shorter limits of their own (PortalFaultTests).
        foreach (var section in new[] { "NationalPortal", "Population", "Enterprise", "Vnpay", "PaymentPlatform" })
        {
            settings[$"Hub:Adapters:{section}:AttemptTimeout"] = "00:00:04";
            settings[$"Hub:Adapters:{section}:TotalTimeout"] = "00:00:08";
            settings[$"Hub:Adapters:{section}:MaxRetries"] = "1";
            settings[$"Hub:Adapters:{section}:RetryDelay"] = "00:00:00.050";
        }
        return settings;
    }

    private static void Add(Dictionary<string, string?> settings, IReadOnlyDictionary<string, string?> declared)
    {
        foreach (var (key, value) in declared)
        {
            settings[key] = value;
        }
    }
}
