using IntegrationHub.Hub.Workflow;
using Npgsql;

namespace IntegrationHub.Tests.Integration;

/// <summary>Dossier numbers from two instances on one database: never the same twice, reserved ahead of need, few lost.</summary>
public sealed class DossierCodeGeneratorTests : HubTest
{
    private const string Agency = "000.00.99.H22";
    private static readonly DateTimeOffset Received = new(2026, 12, 3, 9, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public async Task Two_instances_handing_out_numbers_at_once_never_give_the_same_one_and_each_counts_upward()
    {
        var instances = new[] { Generator(), Generator() };
        var handedOut = await Task.WhenAll(instances.Select(generator => Task.Run(async () =>
        {
            var numbers = new List<int>();
            for (var i = 0; i < 300; i++)
            {
                numbers.Add(Number(await generator.NextAsync(Agency, Received, CancellationToken.None)));
            }
            return numbers;
        })));

        Assert.Equal(600, handedOut.SelectMany(n => n).Distinct().Count());
        Assert.All(handedOut, numbers => Assert.Equal(numbers.Order(), numbers));
        // Each instance holds at most the rest of its block and the block reserved after it.
        Assert.InRange(await CounterAsync() - handedOut.SelectMany(n => n).Max(), 0, 2 * 2 * DossierCodeGenerator.BlockSize);
    }

    [Fact]
    public async Task The_next_block_is_reserved_once_half_of_the_current_one_is_handed_out()
    {
        var generator = Generator();
        for (var i = 0; i < DossierCodeGenerator.BlockSize / 2; i++)
        {
            await generator.NextAsync(Agency, Received, CancellationToken.None);
        }
        Assert.Equal(DossierCodeGenerator.BlockSize, await CounterAsync());

        await generator.NextAsync(Agency, Received, CancellationToken.None);

        await Eventually.HoldsAsync(async () => await CounterAsync() == 2 * DossierCodeGenerator.BlockSize, TimeSpan.FromSeconds(10), "the next block reserved");
        var rest = new List<int>();
        for (var i = 0; i < DossierCodeGenerator.BlockSize; i++)
        {
            rest.Add(Number(await generator.NextAsync(Agency, Received, CancellationToken.None)));
        }
        Assert.Equal(Enumerable.Range(DossierCodeGenerator.BlockSize / 2 + 2, DossierCodeGenerator.BlockSize), rest);
    }

    private DossierCodeGenerator Generator() => new(Hub.Service<NpgsqlDataSource>());

    private static int Number(string code) => int.Parse(code[(code.LastIndexOf('-') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

    private Task<int> CounterAsync() => TestPostgres.ScalarAsync<int>(Hub.ConnectionString, $"SELECT coalesce(max(last_value), 0) FROM dossier_code_counters WHERE agency_code = '{Agency}'");
}
