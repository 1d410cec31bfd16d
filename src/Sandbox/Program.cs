using IntegrationHub.Sandbox;
using System.Text.Json;
using IntegrationHub.Sandbox.NationalPortal;
using IntegrationHub.Sandbox.Payments;
using IntegrationHub.Sandbox.Registries;
using IntegrationHub.Sandbox.Sms;
using IntegrationHub.Sandbox.Timestamping;

// Starts the simulated national systems and prints where they listen, as one JSON line, so that
// ./run.sh (or a person) can point the hub at them. Stops on Ctrl+C or SIGTERM.
var port = ArgValue("--portal-port") is { } p ? int.Parse(p) : 0;
var password = Environment.GetEnvironmentVariable("SANDBOX_PORTAL_PASSWORD") ?? Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12));
var unitCode = ArgValue("--unit-code") ?? "000.00.00.H22";

// The hub these systems serve: where it takes callbacks, and the secret its SMS report URLs carry.
var hub = new SandboxHub(
    ArgValue("--hub-url") ?? "http://127.0.0.1:5081",
    Environment.GetEnvironmentVariable("SANDBOX_REPORT_SECRET") ?? Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12)));
var registrySecret = Environment.GetEnvironmentVariable("SANDBOX_REGISTRY_SECRET") ?? Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12));

using var portal = PortalSimulator.Start(new PortalSimulatorOptions { Password = password, UnitCode = unitCode }, port);
var registries = new RegistryDataSet();
// The population database serves C06's own SOAP form (the hub's default), the LGSP-carried one and the JSON proxy's,
// the enterprise database NGSP's, Hồ Chí Minh City's and Thanh Hóa's forms: each dialect is one hub setting away.
var registryOptions = new RegistrySimulatorOptions { ClientSecret = registrySecret, C06 = new C06SimulatorOptions { SecretKey = registrySecret } };
using var population = RegistrySimulator.StartPopulation(registries, registryOptions, ArgValue("--population-port") is { } pp ? int.Parse(pp) : 0);
using var enterprises = RegistrySimulator.StartEnterprise(registries, registryOptions, ArgValue("--enterprise-port") is { } ep ? int.Parse(ep) : 0);
// VNPAY sends its IPN to the hub's callback, registered as in VNPAY's merchant portal.
using var vnpay = VnpaySimulator.Start(new VnpaySimulatorOptions
{
    HashSecret = Environment.GetEnvironmentVariable("SANDBOX_VNPAY_SECRET") ?? Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)),
    IpnUrl = $"{hub.HttpUrl}/payments/vnpay/callback",
}, ArgValue("--vnpay-port") is { } vp ? int.Parse(vp) : 0);
// The DVCQG payment platform POSTs its confirm to the one-stop system's URL.
using var platform = PaymentPlatformSimulator.Start(new PaymentPlatformSimulatorOptions
{
    HashKey = Environment.GetEnvironmentVariable("SANDBOX_PLATFORM_KEY") ?? Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)),
    ConfirmUrl = $"{hub.HttpUrl}/payments/dvcqg-payment/callback",
}, ArgValue("--platform-port") is { } pl ? int.Parse(pl) : 0);
var smsSecret = Environment.GetEnvironmentVariable("SANDBOX_SMS_SECRET") ?? Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12));
// The hub tries the providers in this order; SpeedSMS reports to the URL registered with its account.
using var esms = EsmsSimulator.Start(new SmsSimulatorOptions { Secret = smsSecret, Priority = 1 }, ArgValue("--esms-port") is { } sp ? int.Parse(sp) : 0);
using var viettel = ViettelSimulator.Start(new SmsSimulatorOptions { Secret = smsSecret, Priority = 2 }, ArgValue("--viettel-port") is { } tp ? int.Parse(tp) : 0);
using var speedSms = SpeedSmsSimulator.Start(
    new SmsSimulatorOptions { Secret = smsSecret, Priority = 3, ReportUrl = hub.SmsReportUrl("speedsms") }, ArgValue("--speedsms-port") is { } ssp ? int.Parse(ssp) : 0);
// Seals of the hub's exchange log are timestamped here; its root is written where the hub can read it.
// It needs the openssl command; without it (a slim container image) the sandbox runs without a TSA.
using var tsa = StartTimestampAuthority();
Console.WriteLine(JsonSerializer.Serialize(new
{
    nationalPortal = new { url = portal.Url, username = "sandbox", unitCode, faults = $"{portal.Url}/_sandbox/faults", received = $"{portal.Url}/_sandbox/received" },
    population = new
    {
        url = population.Url, clientId = registryOptions.ClientId, faults = $"{population.Url}/_sandbox/faults",
        // Someone to try once-only with: the data set is the same on every run.
        sample = new { idNumber = registries.Citizens[0].SoDinhDanh, fullName = registries.Citizens[0].HoVaTen, birthDate = registries.Citizens[0].NgaySinh },
        c06 = new
        {
            url = population.C06Url, username = registryOptions.C06.Username, lgspPath = registryOptions.C06.LgspPath,
            lgspAccessKey = registryOptions.C06.LgspAccessKey, jsonProxyPath = registryOptions.C06.JsonProxyPath,
        },
    },
    enterprises = new
    {
        url = enterprises.Url, clientId = registryOptions.ClientId, faults = $"{enterprises.Url}/_sandbox/faults",
        sample = new { enterpriseCode = registries.Enterprises[0].MaSoDoanhNghiep },
    },
    vnpay = new { url = vnpay.Url, payUrl = vnpay.PayUrl, pay = $"{vnpay.Url}/_sandbox/pay", faults = $"{vnpay.Url}/_sandbox/faults" },
    paymentPlatform = new { url = platform.Url, pay = $"{platform.Url}/_sandbox/pay", faults = $"{platform.Url}/_sandbox/faults" },
    esms = new { url = esms.Url, faults = $"{esms.Url}/_sandbox/faults" },
    viettel = new { url = viettel.Url, faults = $"{viettel.Url}/_sandbox/faults" },
    speedSms = new { url = speedSms.Url, faults = $"{speedSms.Url}/_sandbox/faults" },
    timestampAuthority = tsa is null ? null : new { url = tsa.TsaUrl, rootCertificate = tsa.RootCertificate, faults = $"{tsa.Url}/_sandbox/faults" },
}, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));

// What the hub needs from each system, declared by the system itself, as environment variables for ./run.sh and docker-compose.
List<SimulatedSystem> systems = [portal, population, enterprises, vnpay, platform, esms, viettel, speedSms];
if (tsa is not null)
{
    systems.Add(tsa);
}
if (ArgValue("--advertise-host") is { } host)
{
    foreach (var system in systems)
    {
        system.AdvertisedUrl = new UriBuilder(system.Url) { Host = host }.Uri.ToString().TrimEnd('/');
    }
}
if (ArgValue("--hub-env") is { } envFile)
{
    HubEnvironmentFile.Write(envFile, systems.SelectMany(system => system.HubSettings(hub)));
}

// Citizens file on the portal too: a few dossiers at start, then one every --file-every seconds (120), for the sample
// agencies, by citizens the population database holds; the hub pulls them (Hub:PortalIntake).
var fileEvery = TimeSpan.FromSeconds(ArgValue("--file-every") is { } fe ? int.Parse(fe) : 120);
string[] sampleAgencies = ["000.00.01.H22", "000.00.02.H22"];
var filed = 0;
void FileOne()
{
    var citizen = registries.Citizens[(filed * 7 + 11) % registries.Citizens.Count];
    portal.Filings.File(sampleAgencies[filed % sampleAgencies.Length], filed % 2 == 0 ? "1.000894" : "1.001193", DateTimeOffset.UtcNow.AddMinutes(-filed), seed: filed,
        [40_000 + 1_000 * filed, 180_000], (citizen.HoVaTen, citizen.SoDinhDanh, citizen.NgaySinh));
    filed++;
}
for (var i = 0; i < 3; i++)
{
    FileOne();
}
using var filing = new Timer(_ => FileOne(), null, fileEvery, fileEvery);

var stop = new TaskCompletionSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.TrySetResult(); };
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.TrySetResult();
await stop.Task;

TimestampAuthoritySimulator? StartTimestampAuthority()
{
    try
    {
        return TimestampAuthoritySimulator.Start(ArgValue("--tsa-dir"), ArgValue("--tsa-port") is { } ap ? int.Parse(ap) : 0);
    }
    catch (System.ComponentModel.Win32Exception e)
    {
        Console.Error.WriteLine($"No time-stamping authority: openssl cannot be run ({e.Message})");
        return null;
    }
}

string? ArgValue(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
