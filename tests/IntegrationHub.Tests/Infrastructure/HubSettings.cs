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

    public static PortalSimulatorOptions PortalOptions => new() { Password = PortalPassword, UnitCode = TestAgencies.PortalUnitCode };

    /// <summary>The registries' people, generated once for every hub under test.</summary>
    public static readonly RegistryDataSet Registries = new();

    public static RegistrySimulatorOptions RegistryOptions => new() { ClientSecret = RegistrySecret, C06 = new() { SecretKey = RegistrySecret } };

    public const string VnpaySecret = "sandbox-vnpay-hash-secret";

    public const string SmsSecret = "sandbox-sms-secret";

    public static SmsSimulatorOptions SmsOptions => new() { Secret = SmsSecret };

    /// <summary>What the SMS provider's callback URL carries to prove a report comes from it.</summary>
    public static readonly string SmsReportSecret = "reports-" + Guid.NewGuid().ToString("N");

    /// <summary>SMS notices through eSMS first, Viettel second; eSMS reports delivery to the hub.</summary>
    public static void AddSms(Dictionary<string, string?> settings, SmsSimulator esms, SmsSimulator viettel, string hubHttpAddress)
    {
        foreach (var (key, value) in new Dictionary<string, string?>
        {
            ["Hub:Adapters:Sms:Esms:BaseUrl"] = esms.Url,
            ["Hub:Adapters:Sms:Esms:ApiKey"] = "sandbox",
            ["Hub:Adapters:Sms:Esms:SecretKey"] = SmsSecret,
            ["Hub:Adapters:Sms:Esms:Brandname"] = "UBND.HAGIANG",
            ["Hub:Adapters:Sms:Esms:Priority"] = "1",
            ["Hub:Adapters:Sms:Esms:CallbackUrl"] = $"{hubHttpAddress}/sms/esms/report/{SmsReportSecret}",
            ["Hub:Notices:ReportSecret"] = SmsReportSecret,
            ["Hub:Adapters:Sms:Esms:AttemptTimeout"] = "00:00:01",
            ["Hub:Adapters:Sms:Esms:TotalTimeout"] = "00:00:02",
            ["Hub:Adapters:Sms:Viettel:BaseUrl"] = viettel.Url,
            ["Hub:Adapters:Sms:Viettel:User"] = "sandbox",
            ["Hub:Adapters:Sms:Viettel:Password"] = SmsSecret,
            ["Hub:Adapters:Sms:Viettel:CpCode"] = "HAGIANG",
            ["Hub:Adapters:Sms:Viettel:Brandname"] = "UBND.HAGIANG",
            ["Hub:Adapters:Sms:Viettel:Priority"] = "2",
            ["Hub:Adapters:Sms:Viettel:AttemptTimeout"] = "00:00:01",
            ["Hub:Adapters:Sms:Viettel:TotalTimeout"] = "00:00:02",
            ["Hub:Notices:ReportPullAfter"] = "00:00:00",
        })
        {
            settings[key] = value;
        }
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

    public static Dictionary<string, string?> For(
        string connectionString, PortalSimulator portal, RegistrySimulator population, RegistrySimulator enterprises, VnpaySimulator vnpay,
        PaymentPlatformSimulator platform, string grpcUrl = "http://127.0.0.1:0", string httpUrl = "http://127.0.0.1:0") =>
        new Dictionary<string, string?>(TestAgencies.Settings())
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
            // A crashed hub's claims come back within seconds; the portal's time limits fit well inside.
            ["Hub:Outbox:ClaimLease"] = "00:00:08",
            ["Hub:Outbox:LeaseMargin"] = "00:00:02",
            ["Hub:Adapters:NationalPortal:BaseUrl"] = portal.Url,
            ["Hub:Adapters:NationalPortal:Username"] = "sandbox",
            ["Hub:Adapters:NationalPortal:Password"] = PortalPassword,
            ["Hub:Adapters:NationalPortal:UnitCode"] = TestAgencies.PortalUnitCode,
            ["Hub:Adapters:NationalPortal:AttemptTimeout"] = "00:00:01",
            ["Hub:Adapters:NationalPortal:TotalTimeout"] = "00:00:03",
            ["Hub:Adapters:NationalPortal:MaxRetries"] = "1",
            ["Hub:Adapters:NationalPortal:RetryDelay"] = "00:00:00.050",
            ["Hub:Adapters:NationalPortal:BreakerBreakDuration"] = "00:00:00.500",
            ["Hub:Adapters:Vnpay:PayUrl"] = vnpay.PayUrl,
            ["Hub:Adapters:Vnpay:ApiUrl"] = vnpay.Url,
            ["Hub:Adapters:Vnpay:TmnCode"] = "HUBSANDB",
            ["Hub:Adapters:Vnpay:HashSecret"] = VnpaySecret,
            ["Hub:Adapters:Vnpay:ReturnUrl"] = "https://dichvucong.hagiang.gov.vn/thanh-toan/ket-qua",
            ["Hub:Adapters:Vnpay:AttemptTimeout"] = "00:00:01",
            ["Hub:Adapters:Vnpay:TotalTimeout"] = "00:00:03",
            ["Hub:Adapters:Vnpay:MaxRetries"] = "1",
            ["Hub:Adapters:Vnpay:RetryDelay"] = "00:00:00.050",
            ["Hub:Adapters:PaymentPlatform:ApiUrl"] = platform.Url,
            ["Hub:Adapters:PaymentPlatform:PartnerCode"] = "HAGIANG-SANDBOX",
            ["Hub:Adapters:PaymentPlatform:HashKey"] = PlatformKey,
            ["Hub:Adapters:PaymentPlatform:Beneficiaries:" + TestAgencies.JusticeCode + ":Account"] = "3511.0.1045678.00000",
            ["Hub:Adapters:PaymentPlatform:Beneficiaries:" + TestAgencies.JusticeCode + ":BankCode"] = "KBNN.HAGIANG",
            ["Hub:Adapters:PaymentPlatform:Beneficiaries:" + TestAgencies.JusticeCode + ":AccountName"] = "Sở Tư pháp tỉnh Hà Giang",
            ["Hub:Adapters:PaymentPlatform:AttemptTimeout"] = "00:00:01",
            ["Hub:Adapters:PaymentPlatform:TotalTimeout"] = "00:00:03",
            ["Hub:Adapters:PaymentPlatform:MaxRetries"] = "1",
            ["Hub:Adapters:PaymentPlatform:RetryDelay"] = "00:00:00.050",
            ["Hub:Payments:DefaultGateway"] = "vnpay",
            ["Hub:Payments:ProcedureGateways:" + PlatformProcedureCode] = "dvcqg-payment",
            ["Hub:Payments:ReconcileAfter"] = "00:00:00",
        }.Concat(Registry("Population", population)).Concat(Registry("Enterprise", enterprises)).ToDictionary();

    private static Dictionary<string, string?> Registry(string section, RegistrySimulator registry) => new()
    {
        [$"Hub:Adapters:{section}:BaseUrl"] = registry.Url,
        [$"Hub:Adapters:{section}:ClientId"] = "sandbox",
        [$"Hub:Adapters:{section}:ClientSecret"] = RegistrySecret,
        [$"Hub:Adapters:{section}:UnitCode"] = TestAgencies.PortalUnitCode,
        [$"Hub:Adapters:{section}:AttemptTimeout"] = "00:00:01",
        [$"Hub:Adapters:{section}:TotalTimeout"] = "00:00:03",
        [$"Hub:Adapters:{section}:MaxRetries"] = "1",
        [$"Hub:Adapters:{section}:RetryDelay"] = "00:00:00.050",
    };
}
