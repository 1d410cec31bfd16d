using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using IntegrationHub.V1;
using Xunit.Abstractions;

namespace IntegrationHub.Tests.Integration;

/// <summary>A committed agency write has its exchange-log entry in its own transaction: a hub killed (kill -9) the moment after answering loses none.</summary>
public sealed class ExchangeLogCrashTests(ITestOutputHelper output)
{
    private const int Clients = 16;

    [Fact]
    public async Task Every_acknowledged_submit_has_its_log_entry_after_the_hub_is_killed_while_answering()
    {
        using var systems = new ProcessSystems();
        var settings = await systems.SettingsAsync();
        var acknowledged = new System.Collections.Concurrent.ConcurrentBag<string>();

        using (var hub = await HubProcess.StartAsync(settings))
        {
            using var channel = GrpcChannel.ForAddress(hub.Address);
            var client = new DossierService.DossierServiceClient(channel.Intercept(m =>
            {
                m.Add("x-api-key", TestAgencies.JusticeKey);
                return m;
            }));
            using var stop = new CancellationTokenSource();
            var submitting = Enumerable.Range(0, Clients).Select(_ => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    try
                    {
                        acknowledged.Add((await client.SubmitDossierAsync(Samples.Submission(), deadline: DateTime.UtcNow.AddSeconds(30))).DossierCode);
                    }
                    catch (RpcException) when (stop.IsCancellationRequested)
                    {
                    }
                }
            })).ToList();
            await Eventually.HoldsAsync(() => acknowledged.Count >= 300, TimeSpan.FromSeconds(60), "submits under way");
            // Killed while answering: the submits in flight stop, the last acknowledged ones committed a moment ago.
            stop.Cancel();
            hub.Kill();
            await Task.WhenAll(submitting);
        }

        var logged = new HashSet<string>(await TestPostgres.ScalarAsync<string[]>(settings["ConnectionStrings:Hub"]!,
            "SELECT coalesce(array_agg(dossier_code), '{}') FROM exchange_log WHERE operation = '/integrationhub.v1.DossierService/SubmitDossier' AND outcome = 'OK'"));
        var missing = acknowledged.Where(code => !logged.Contains(code)).ToList();
        output.WriteLine($"acknowledged: {acknowledged.Count}, logged: {logged.Count}, missing: {missing.Count}");
        Assert.Empty(missing);
    }
}
