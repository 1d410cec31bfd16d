using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using IntegrationHub.Hub;
using IntegrationHub.Hub.Cli;
using IntegrationHub.Hub.Persistence;
using IntegrationHub.Sandbox.NationalPortal;
using IntegrationHub.Sandbox.Payments;
using IntegrationHub.Sandbox.Registries;
using IntegrationHub.Sandbox.Sms;
using IntegrationHub.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.Tests.Infrastructure;

/// <summary>
/// A hub on real Kestrel on loopback, with its own database and its own simulated portal, reached by
/// real gRPC clients.
/// </summary>
public sealed class HubHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly GrpcChannel _channel;

    private HubHost(
        WebApplication app, PortalSimulator portal, RegistrySimulator population, RegistrySimulator enterprises, VnpaySimulator vnpay,
        PaymentPlatformSimulator platform, EsmsSimulator esms, ViettelSimulator viettel, SpeedSmsSimulator speedSms, string connectionString, string address, string httpAddress)
    {
        _app = app;
        Portal = portal;
        Vnpay = vnpay;
        PaymentPlatform = platform;
        Esms = esms;
        Viettel = viettel;
        SpeedSms = speedSms;
        Population = population;
        Enterprises = enterprises;
        ConnectionString = connectionString;
        Address = address;
        HttpAddress = httpAddress;
        _channel = GrpcChannel.ForAddress(address);
    }

    public PortalSimulator Portal { get; }
    public RegistrySimulator Population { get; }
    public RegistrySimulator Enterprises { get; }
    public VnpaySimulator Vnpay { get; }
    public PaymentPlatformSimulator PaymentPlatform { get; }
    /// <summary>The first SMS provider.</summary>
    public EsmsSimulator Esms { get; }
    /// <summary>The second SMS provider.</summary>
    public ViettelSimulator Viettel { get; }
    /// <summary>The third SMS provider.</summary>
    public SpeedSmsSimulator SpeedSms { get; }
    public string ConnectionString { get; }
    /// <summary>The gRPC (HTTP/2) endpoint.</summary>
    public string Address { get; }

    /// <summary>The HTTP/1.1 endpoint (health).</summary>
    public string HttpAddress { get; }

    public GrpcChannel Channel => _channel;

    public DossierService.DossierServiceClient Justice => Client(TestAgencies.JusticeKey);
    public DossierService.DossierServiceClient Construction => Client(TestAgencies.ConstructionKey);

    public AdminService.AdminServiceClient Admin => new(Invoker(TestAgencies.OperatorKey));

    /// <summary>Payments, as the justice department's system.</summary>
    public PaymentService.PaymentServiceClient Payments => new(Invoker(TestAgencies.JusticeKey));

    /// <summary>The registry lookups, as the justice department's system.</summary>
    public RegistryService.RegistryServiceClient Registry => new(Invoker(TestAgencies.JusticeKey));

    public DossierService.DossierServiceClient Client(string? apiKey) => new(Invoker(apiKey));

    public CallInvoker Invoker(string? apiKey) => apiKey is null
        ? _channel.CreateCallInvoker()
        : _channel.Intercept(metadata =>
        {
            metadata.Add("x-api-key", apiKey);
            return metadata;
        });

    public T Service<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    /// <summary>Runs an operator's command (<c>./hub ...</c>) against this hub with the operator key.</summary>
    public async Task<(int ExitCode, string Output)> OperatorCommandAsync(params string[] args)
    {
        var output = new StringWriter();
        var exitCode = await HubCli.RunAsync([.. args, "--hub", Address, "--key", TestAgencies.OperatorKey], output, new StringWriter());
        return (exitCode, output.ToString());
    }

    /// <param name="sms">Whether the hub sends SMS notices (through the three simulated providers, in order).</param>
    /// <param name="logs">A logging provider of the test's, besides the hub's own.</param>
    /// <param name="services">Services of the test's, added before the hub's own.</param>
    public static async Task<HubHost> StartAsync(
        Action<Dictionary<string, string?>>? adjust = null, bool sms = false, ILoggerProvider? logs = null, Action<IServiceCollection>? services = null)
    {
        var httpAddress = $"http://127.0.0.1:{FreePort.Next()}";
        var portal = PortalSimulator.Start(HubSettings.PortalOptions(httpAddress));
        var population = RegistrySimulator.StartPopulation(HubSettings.Registries, HubSettings.RegistryOptions);
        var enterprises = RegistrySimulator.StartEnterprise(HubSettings.Registries, HubSettings.RegistryOptions);
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        var vnpay = VnpaySimulator.Start(HubSettings.VnpayOptions(httpAddress));
        var platform = PaymentPlatformSimulator.Start(HubSettings.PaymentPlatformOptions(httpAddress));
        var esms = EsmsSimulator.Start(HubSettings.SmsOptions(1));
        var viettel = ViettelSimulator.Start(HubSettings.SmsOptions(2));
        var speedSms = SpeedSmsSimulator.Start(HubSettings.SmsOptions(3, HubSettings.Hub(httpAddress).SmsReportUrl("speedsms")));
        var settings = HubSettings.For(connectionString, portal, population, enterprises, vnpay, platform, httpUrl: httpAddress);
        if (sms)
        {
            HubSettings.AddSms(settings, httpAddress, esms, viettel, speedSms);
        }
        adjust?.Invoke(settings);
        var app = HubApplication.Build([], builder =>
        {
            builder.Environment.EnvironmentName = "Test";
            builder.Configuration.AddInMemoryCollection(settings);
            if (logs is not null)
            {
                builder.Logging.AddProvider(logs);
            }
            services?.Invoke(builder.Services);
        });
        await app.MigrateHubDatabaseAsync();
        await app.StartAsync();
        var address = app.Urls.First(url => url != httpAddress);
        return new HubHost(app, portal, population, enterprises, vnpay, platform, esms, viettel, speedSms, connectionString, address, httpAddress);
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Portal.Dispose();
        Population.Dispose();
        Enterprises.Dispose();
        Vnpay.Dispose();
        PaymentPlatform.Dispose();
        Esms.Dispose();
        Viettel.Dispose();
        SpeedSms.Dispose();
    }
}
