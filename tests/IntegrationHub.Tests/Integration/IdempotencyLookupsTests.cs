using IntegrationHub.Hub.Idempotency;
using IntegrationHub.Hub.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace IntegrationHub.Tests.Integration;

/// <summary>Look-ups queued before the loops start are certain to be answered by one query: each caller must get its own answer.</summary>
public sealed class IdempotencyLookupsTests : HubTest
{
    [Fact]
    public async Task Look_ups_answered_together_give_each_caller_its_own_record_or_none()
    {
        using (var scope = Hub.Service<IServiceScopeFactory>().CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            db.AddRange(
                new IdempotencyRecord("client-a", "r1", "SubmitDossier", [1], "answer a1", DateTimeOffset.UtcNow),
                new IdempotencyRecord("client-b", "r1", "RecordProgress", [2], "answer b1", DateTimeOffset.UtcNow),
                new IdempotencyRecord("client-a", "r2", "SubmitDossier", [3], "answer a2", DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }
        var lookups = new IdempotencyLookups(Hub.Service<NpgsqlDataSource>());
        (string Client, string Request)[] asked = [("client-a", "r1"), ("client-b", "r1"), ("client-a", "r3"), ("client-c", "r1"), ("client-a", "r2"), ("client-a", "r1")];
        var answers = asked.Select(a => lookups.FindAsync(a.Client, a.Request, CancellationToken.None)).ToList();

        await lookups.StartAsync(CancellationToken.None);
        var found = await Task.WhenAll(answers);
        await lookups.StopAsync(CancellationToken.None);

        Assert.Equal(["answer a1", "answer b1", null, null, "answer a2", "answer a1"], found.Select(r => r?.Response));
        Assert.Equal(["RecordProgress"], found.Where(r => r?.ClientId == "client-b").Select(r => r!.Operation));
        Assert.Equal([3], found[4]!.Fingerprint);
    }
}
