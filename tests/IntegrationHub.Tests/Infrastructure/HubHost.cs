using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using IntegrationHub.Hub;
using IntegrationHub.Hub.Persistence;
using IntegrationHub.Sandbox.NationalPortal;
using IntegrationHub.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Tests.Infrastructure;

/// <summary>
/// A hub on real Kestrel on loopback, with its own database and its own simulated portal, reached by
/// real gRPC clients.
/// </summary>
public sealed class HubHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly GrpcChannel _channel;

    private HubHost(WebApplication app, PortalSimulator portal, string connectionString, string address)
    {
        _app = app;
        Portal = portal;
        ConnectionString = connectionString;
        Address = address;
        _channel = GrpcChannel.ForAddress(address);
    }

    public PortalSimulator Portal { get; }
    public string ConnectionString { get; }
    public string Address { get; }

    public DossierService.DossierServiceClient Justice => Client(TestAgencies.JusticeKey);
    public DossierService.DossierServiceClient Construction => Client(TestAgencies.ConstructionKey);

    public DossierService.DossierServiceClient Client(string? apiKey) => new(apiKey is null
        ? _channel.CreateCallInvoker()
        : _channel.Intercept(metadata =>
        {
            metadata.Add("x-api-key", apiKey);
            return metadata;
        }));

    public T Service<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    public static async Task<HubHost> StartAsync(Action<Dictionary<string, string?>>? adjust = null)
    {
        var portal = PortalSimulator.Start(HubSettings.PortalOptions);
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        var settings = HubSettings.For(connectionString, portal);
        adjust?.Invoke(settings);
        var app = HubApplication.Build([], builder => builder.Configuration.AddInMemoryCollection(settings));
        await app.MigrateHubDatabaseAsync();
        await app.StartAsync();
        var address = app.Urls.First();
        return new HubHost(app, portal, connectionString, address);
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Portal.Dispose();
    }
}
