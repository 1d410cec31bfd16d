using IntegrationHub.Hub.PortalIntake;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Tests.Integration;

/// <summary>Two hub instances on one database pulling from the same portal at once: each filing becomes one dossier, synced once.</summary>
public sealed class PortalIntakeClusterTests
{
    [Fact]
    public async Task Two_hubs_pulling_the_same_filings_at_once_make_one_dossier_of_each()
    {
        await using var first = await HubHost.StartAsync();
        await using var second = await HubHost.StartAsync(settings =>
        {
            settings["ConnectionStrings:Hub"] = first.ConnectionString;
            settings["ConnectionStrings:HubOwner"] = TestPostgres.Owner(first.ConnectionString);
            settings["Hub:Adapters:NationalPortal:BaseUrl"] = first.Portal.Url;
        });
        var filings = Enumerable.Range(0, 6).Select(i => first.Portal.Filings.File(
            TestAgencies.JusticeCode, Samples.ProcedureCode, DateTimeOffset.UtcNow.AddHours(-1 - i), seed: i, [3_000],
            (HubSettings.Registries.Citizens[i].HoVaTen, HubSettings.Registries.Citizens[i].SoDinhDanh, HubSettings.Registries.Citizens[i].NgaySinh))).ToList();

        var reports = await Task.WhenAll(new[] { first, second }.Select(async hub =>
        {
            await using var scope = hub.Service<IServiceScopeFactory>().CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<PortalIntakeRun>().PullAsync(CancellationToken.None);
        }));

        Assert.Equal(6, await TestPostgres.ScalarAsync<long>(first.ConnectionString, "SELECT count(*) FROM dossiers WHERE origin = 1"));
        Assert.Equal(6, await TestPostgres.ScalarAsync<long>(first.ConnectionString, "SELECT count(*) FROM portal_arrivals"));
        Assert.Equal(6, await TestPostgres.ScalarAsync<long>(first.ConnectionString, "SELECT count(*) FROM dossier_attachments"));
        Assert.Equal(0, reports.Sum(r => r.KeptAside));
        await Eventually.HoldsAsync(() => filings.All(f => first.Portal.Records.Dossier(f.Code) is { Syncs.Count: 1 }), TimeSpan.FromSeconds(15), "one sync of each at the portal");
        Assert.Empty(first.Portal.Records.Violations);
    }
}
