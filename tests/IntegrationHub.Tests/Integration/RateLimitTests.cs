using Grpc.Core;
using IntegrationHub.V1;

namespace IntegrationHub.Tests.Integration;

/// <summary>Per-client limits on write calls.</summary>
public sealed class RateLimitTests : HubTest
{
    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Hub:RateLimits:Clients:justice-system:WritesPerSecond"] = "1";
        settings["Hub:RateLimits:Clients:justice-system:Burst"] = "3";
    }

    [Fact]
    public async Task A_flood_above_the_write_limit_gets_resource_exhausted_with_a_retry_hint_and_stores_only_what_was_let_through()
    {
        var (accepted, refused) = await FloodAsync(8);

        Assert.InRange(accepted.Count, 3, 4);
        var error = refused[0];
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Matches("client justice-system is over its write limit; retry after [0-9]+ ms", error.Status.Detail);
        Assert.True(int.Parse(error.Trailers.GetValue("grpc-retry-pushback-ms")!) > 0);
        Assert.Equal(accepted.Count, await TestPostgres.ScalarAsync<long>(Hub.ConnectionString, "SELECT count(*) FROM dossiers"));
    }

    [Fact]
    public async Task Reads_and_other_clients_are_not_held_back_by_one_clients_limit()
    {
        var (accepted, refused) = await FloodAsync(8);
        Assert.NotEmpty(refused);

        await Hub.Justice.GetDossierAsync(new GetDossierRequest { DossierCode = accepted[0] });
        await Hub.Construction.SubmitDossierAsync(Samples.Submission(TestAgencies.ConstructionCode));
    }

    [Fact]
    public async Task A_client_that_waits_as_told_is_served_again()
    {
        var (_, refused) = await FloodAsync(8);

        await Task.Delay(refused.Max(e => int.Parse(e.Trailers.GetValue("grpc-retry-pushback-ms")!)));

        await Hub.Justice.SubmitDossierAsync(Samples.Submission());
    }

    /// <summary>Submits all at once, as a client pushing its backlog: the codes accepted, the errors of the rest.</summary>
    private async Task<(List<string> Accepted, List<RpcException> Refused)> FloodAsync(int count)
    {
        var calls = Enumerable.Range(0, count).Select(async _ =>
        {
            try
            {
                return ((await Hub.Justice.SubmitDossierAsync(Samples.Submission())).DossierCode, (RpcException?)null);
            }
            catch (RpcException e)
            {
                return ((string?)null, e);
            }
        }).ToList();
        var results = await Task.WhenAll(calls);
        return ([.. results.Where(r => r.Item1 is not null).Select(r => r.Item1!)], [.. results.Where(r => r.Item2 is not null).Select(r => r.Item2!)]);
    }
}
