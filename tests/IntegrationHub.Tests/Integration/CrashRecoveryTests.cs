using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using IntegrationHub.Sandbox.NationalPortal;
using IntegrationHub.Sandbox.Payments;
using IntegrationHub.Sandbox.Registries;
using IntegrationHub.V1;
using Xunit.Abstractions;

namespace IntegrationHub.Tests.Integration;

/// <summary>The hub process dies in the middle of dispatching; a new one on the same database finishes the work.</summary>
public sealed class CrashRecoveryTests(ITestOutputHelper output)
{
    private const int Dossiers = 40;
    private const int Steps = 4;

    [Fact]
    public async Task A_hub_killed_during_dispatch_and_started_again_delivers_every_change_exactly_once_in_order()
    {
        using var portal = PortalSimulator.Start(HubSettings.PortalOptions);
        using var population = RegistrySimulator.StartPopulation(HubSettings.Registries, HubSettings.RegistryOptions);
        using var enterprises = RegistrySimulator.StartEnterprise(HubSettings.Registries, HubSettings.RegistryOptions);
        using var vnpay = VnpaySimulator.Start(HubSettings.VnpayOptions("http://127.0.0.1:1"));
        using var platform = PaymentPlatformSimulator.Start(HubSettings.PaymentPlatformOptions("http://127.0.0.1:1"));
        // A slow portal keeps many deliveries in flight when the process dies.
        portal.Faults.Latency = TimeSpan.FromMilliseconds(30);
        var settings = HubSettings.For(await TestPostgres.CreateDatabaseAsync(), portal, population, enterprises, vnpay, platform);
        var codes = new List<string>();

        using (var first = await HubProcess.StartAsync(settings))
        {
            var client = Client(first.Address);
            for (var d = 0; d < Dossiers; d++)
            {
                var code = (await client.SubmitDossierAsync(Samples.Submission(), deadline: Deadline())).DossierCode;
                for (var s = 0; s < Steps; s++)
                {
                    await client.RecordProgressAsync(Samples.Step(code, Samples.FiveSteps[s], s + 1), deadline: Deadline());
                }
                codes.Add(code);
            }
            await Eventually.HoldsAsync(() => portal.Records.Calls.Count >= 60, TimeSpan.FromSeconds(30), "dispatch under way");
            first.Kill();
        }
        var beforeRestart = portal.Records.Calls.Count(c => c.ErrorCode == "00");
        Assert.True(beforeRestart < Dossiers * (2 * Steps + 1), "the kill should come before everything was delivered");

        using (var second = await HubProcess.StartAsync(settings))
        {
            await Eventually.HoldsAsync(
                () => codes.All(c => portal.Records.Dossier(c) is { Progress.Count: Steps, Status: "9" }),
                TimeSpan.FromSeconds(60), "every change at the portal after the restart");
        }

        var repeatedSteps = codes.Sum(c => portal.Records.Dossier(c)!.RepeatedProgress);
        output.WriteLine($"accepted before the kill: {beforeRestart}; step deliveries repeated across the crash (sent before it, answer lost): {repeatedSteps}");
        foreach (var code in codes)
        {
            var record = portal.Records.Dossier(code)!;
            Assert.Equal(["2", "4", "4", "9"], record.Progress.Select(p => PortalContract.Text(p, "TrangThai")));
            var syncStatuses = record.Syncs.Select(s => PortalContract.Text(s, "TrangThaiHoSo")).Distinct();
            Assert.Equal(["1", "2", "4", "9"], syncStatuses);
        }
        // Only rows in flight at the kill can have been sent twice: at most one per (dossier, target).
        Assert.True(repeatedSteps <= Dossiers, $"{repeatedSteps} repeated steps");
    }

    // A hub process that stops answering fails the test instead of holding the run.
    private static DateTime Deadline() => DateTime.UtcNow.AddSeconds(30);

    private static DossierService.DossierServiceClient Client(string address) =>
        new(GrpcChannel.ForAddress(address).Intercept(m =>
        {
            m.Add("x-api-key", TestAgencies.JusticeKey);
            return m;
        }));
}
