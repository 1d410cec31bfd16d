using IntegrationHub.Hub;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NetArchTest.Rules;
using Xunit.Abstractions;

namespace IntegrationHub.Tests.Architecture;

/// <summary>The rules of the road (docs/architecture.md) as tests: dependencies point one way.</summary>
public sealed class ArchitectureTests(ITestOutputHelper output)
{
    private static readonly System.Reflection.Assembly Hub = typeof(HubApplication).Assembly;
    private static readonly Lazy<FolderGraph> Graph = new(() => FolderGraph.Of(Hub));

    /// <summary>The features: what a generic mechanism must not know.</summary>
    private static readonly string[] Features =
        ["Dossiers", "Workflow", "Changes", "Events", "NationalPortal", "PortalIntake", "PortalCalls", "Procedures", "Notices", "Payments", "Registries", "Audit", "Deadlines", "Statistics", "Admin", "Api"];

    /// <summary>All the domain may use besides itself: the refusal of a bad field.</summary>
    private static readonly string[] DomainMayUse = ["Dossiers", "Requests"];

    [Theory]
    [InlineData("Outbox")]
    [InlineData("Idempotency")]
    [InlineData("Jobs")]
    [InlineData("Persistence")]
    public void A_generic_mechanism_knows_no_feature(string mechanism)
    {
        var offenders = Features.Where(feature => Types.InAssembly(Hub).That().ResideInNamespace($"{FolderGraph.Root}.{mechanism}")
            .And().HaveDependencyOn($"{FolderGraph.Root}.{feature}").GetTypes().Any()).ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void The_dossier_domain_imports_nothing_else_of_the_hub_and_no_infrastructure()
    {
        var others = Graph.Value.Folders.Except(DomainMayUse).Select(f => $"{FolderGraph.Root}.{f}")
            .Concat(["IntegrationHub.Adapters", "IntegrationHub.V1", "Microsoft.EntityFrameworkCore", "Npgsql", "Grpc", "Microsoft.AspNetCore"]).ToArray();

        var result = Types.InAssembly(Hub).That().ResideInNamespace($"{FolderGraph.Root}.Dossiers").ShouldNot().HaveDependencyOnAny(others).GetResult();

        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }

    /// <summary>
    /// The gRPC contract is read and written at one edge, <c>Api/</c>; the event stream's messages (<c>Events/</c>, the same
    /// protobuf on WatchEvents and Kafka) and the operator's command (<c>Cli/</c>, a gRPC client) are the other speakers of it.
    /// </summary>
    [Fact]
    public void Only_the_api_the_event_stream_and_the_command_line_speak_the_grpc_contract()
    {
        var result = Types.InAssembly(Hub).That().ResideInNamespace(FolderGraph.Root + ".")
            .And().DoNotResideInNamespace($"{FolderGraph.Root}.Api").And().DoNotResideInNamespace($"{FolderGraph.Root}.Events")
            .And().DoNotResideInNamespace($"{FolderGraph.Root}.Cli")
            .ShouldNot().HaveDependencyOn("IntegrationHub.V1").GetResult();

        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }

    /// <summary>Defaults live in one place, the options classes: the shipped settings hold only the host's (logging, endpoints).</summary>
    [Fact]
    public void The_shipped_settings_repeat_no_default_of_the_hub()
    {
        var shipped = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json")).Build();

        Assert.Empty(shipped.GetSection("Hub").AsEnumerable(makePathsRelative: true));
    }

    /// <summary>
    /// Every options class of the hub and its adapters is validated when the hub starts (its annotations and the time
    /// rules), not at first use: each one bound has its validator registered. The hub is composed, not started.
    /// </summary>
    [Fact]
    public void Every_options_class_the_hub_binds_is_validated_at_start()
    {
        IServiceCollection? services = null;
        HubApplication.Build([], builder =>
        {
            builder.Environment.EnvironmentName = "Test";
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Hub"] = "Host=127.0.0.1;Database=unused",
                ["Hub:Adapters:Sms:Esms:BaseUrl"] = "http://127.0.0.1:1",
            });
            services = builder.Services;
        });
        bool Ours(Type type) => type.Namespace?.StartsWith("IntegrationHub.", StringComparison.Ordinal) == true;
        var bound = services!.Select(d => d.ServiceType)
            .Where(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IConfigureOptions<>) && Ours(t.GetGenericArguments()[0]))
            .Select(t => t.GetGenericArguments()[0]).Distinct().ToList();
        var validated = services!.Select(d => d.ServiceType)
            .Where(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IValidateOptions<>))
            .Select(t => t.GetGenericArguments()[0]).ToHashSet();

        Assert.NotEmpty(bound);
        Assert.Empty(bound.Where(t => !validated.Contains(t)).Select(t => t.Name));
    }

    /// <summary>Dependencies between the hub's folders point one way: no two folders use each other, directly or around a loop (the test prints the graph; `./scripts/folder-graph.sh` shows it alone).</summary>
    [Fact]
    public void No_folder_of_the_hub_is_in_a_dependency_cycle()
    {
        var graph = Graph.Value;
        output.WriteLine($"hub folder graph: {graph.Summary}");
        foreach (var cycle in graph.Cycles)
        {
            output.WriteLine($"  cycle: {string.Join(" ", cycle)}");
        }
        output.WriteLine($"  both ways: {string.Join(", ", graph.BothWays.Select(p => $"{p.Item1}<->{p.Item2}"))}");

        Assert.Empty(graph.Cycles);
    }
}
