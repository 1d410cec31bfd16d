using System.Net;
using IntegrationHub.Adapters.Health;
using IntegrationHub.Adapters.Resilience;
using IntegrationHub.Adapters.Sms.Esms;
using IntegrationHub.Hub.Admin;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Polly;

namespace IntegrationHub.Tests.Adapters;

/// <summary>
/// What `hub health` says of an adapter that answers, by where its real circuit is: paused traffic is unhealthy, a
/// circuit whose break is over (Polly still reads Open until the next call) is not.
/// </summary>
public sealed class AdapterHealthCheckerTests
{
    public static TheoryData<double, AdapterStatus, string, string> Cases => new()
    {
        { -1, AdapterStatus.Healthy, "closed", "answered" },
        { 4.9, AdapterStatus.Unhealthy, "open", "answered, but its circuit is open: real traffic is paused" },
        { 5.0, AdapterStatus.Degraded, "open", "answered; its circuit's break is over: the next call is its trial" },
    };

    /// <param name="sinceOpened">Seconds since the circuit opened on a 5 s break; negative: never opened.</param>
    [Theory]
    [MemberData(nameof(Cases))]
    public async Task An_answering_adapter_is_reported_by_whether_its_circuit_refuses_calls(double sinceOpened, AdapterStatus status, string circuit, string detail)
    {
        var clock = new FakeTimeProvider();
        var activity = TestActivities.Of("national-portal", clock);
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = clock };
        AdapterPipelineExtensions.Configure(builder, new EsmsOptions { BreakerMinimumThroughput = 2, BreakerBreakDuration = TimeSpan.FromSeconds(5) }, activity);
        var pipeline = builder.Build();
        if (sinceOpened >= 0)
        {
            for (var call = 0; call < 2; call++)
            {
                await pipeline.ExecuteAsync(_ => ValueTask.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)));
            }
            clock.Advance(TimeSpan.FromSeconds(sinceOpened));
        }
        var checker = new AdapterHealthChecker([new AnsweringProbe(activity)], Options.Create(new HealthOptions { DegradedLatency = TimeSpan.FromMinutes(1) }));

        var report = Assert.Single(await checker.CheckAsync([], CancellationToken.None));

        Assert.Equal((status, circuit, detail), (report.Status, report.CircuitState, report.Detail));
    }

    private sealed class AnsweringProbe(AdapterActivity activity) : IAdapterProbe
    {
        public string Name => activity.Name;
        public string Provider => "DVCQG";
        public AdapterActivity Activity => activity;
        public Task ProbeAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
