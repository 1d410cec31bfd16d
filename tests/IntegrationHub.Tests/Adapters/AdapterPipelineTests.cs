using IntegrationHub.Adapters.NationalPortal;
using IntegrationHub.Adapters.Resilience;
using IntegrationHub.Adapters.Sms.Esms;
using System.Net;
using Microsoft.Extensions.Time.Testing;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Microsoft.Extensions.Http.Resilience;
using Polly.Testing;
using Polly.Timeout;

namespace IntegrationHub.Tests.Adapters;

/// <summary>The adapters' pipeline, pinned with Polly.Testing: Microsoft's documented order and each strategy's settings.</summary>
public sealed class AdapterPipelineTests
{
    [Fact]
    public void The_pipeline_is_total_timeout_retry_breaker_attempt_timeout_with_the_adapters_settings()
    {
        var settings = new NationalPortalOptions();

        var strategies = Describe(settings);

        Assert.Equal(
            [typeof(TimeoutStrategyOptions), typeof(HttpRetryStrategyOptions), typeof(HttpCircuitBreakerStrategyOptions), typeof(TimeoutStrategyOptions)],
            strategies.Select(s => s.Options!.GetType()));
        Assert.Equal(settings.TotalTimeout, ((TimeoutStrategyOptions)strategies[0].Options!).Timeout);
        var retry = (RetryStrategyOptions<HttpResponseMessage>)strategies[1].Options!;
        Assert.Equal((settings.MaxRetries, settings.RetryDelay, DelayBackoffType.Exponential, true), (retry.MaxRetryAttempts, retry.Delay, retry.BackoffType, retry.UseJitter));
        var breaker = (CircuitBreakerStrategyOptions<HttpResponseMessage>)strategies[2].Options!;
        Assert.Equal((settings.BreakerFailureRatio, settings.BreakerMinimumThroughput, settings.BreakerBreakDuration), (breaker.FailureRatio, breaker.MinimumThroughput, breaker.BreakDuration));
        Assert.Equal(settings.AttemptTimeout, ((TimeoutStrategyOptions)strategies[3].Options!).Timeout);
    }

    /// <summary>An SMS send is not safe to repeat at every provider: no retry strategy at all.</summary>
    [Fact]
    public void An_adapter_with_no_retries_has_no_retry_strategy()
    {
        Assert.Equal(
            [typeof(TimeoutStrategyOptions), typeof(HttpCircuitBreakerStrategyOptions), typeof(TimeoutStrategyOptions)],
            Describe(new EsmsOptions()).Select(s => s.Options!.GetType()));
    }

    /// <summary>
    /// Polly leaves an open circuit's state at Open until a call comes after its break; the outbox must not read that as
    /// "refuses calls", or a hub that stops calling would never call again.
    /// </summary>
    [Fact]
    public async Task An_open_circuit_refuses_calls_until_its_break_ends_then_while_its_trial_is_under_way()
    {
        var clock = new FakeTimeProvider();
        var settings = new EsmsOptions { BreakerMinimumThroughput = 2, BreakerBreakDuration = TimeSpan.FromSeconds(5) };
        var activity = TestActivities.Of("test", clock);
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = clock };
        AdapterPipelineExtensions.Configure(builder, settings, activity);
        var pipeline = builder.Build();
        ValueTask<HttpResponseMessage> Answer(HttpStatusCode status) => ValueTask.FromResult(new HttpResponseMessage(status));

        Assert.False(activity.RefusesCalls);
        await pipeline.ExecuteAsync(_ => Answer(HttpStatusCode.ServiceUnavailable));
        await pipeline.ExecuteAsync(_ => Answer(HttpStatusCode.ServiceUnavailable));
        Assert.True(activity.RefusesCalls);
        await Assert.ThrowsAsync<BrokenCircuitException>(async () => await pipeline.ExecuteAsync(_ => Answer(HttpStatusCode.OK)));

        clock.Advance(TimeSpan.FromSeconds(4.9));
        Assert.True(activity.RefusesCalls);
        clock.Advance(TimeSpan.FromSeconds(0.1));
        Assert.Equal(CircuitState.Open, activity.Circuit.CircuitState);
        Assert.False(activity.RefusesCalls);

        var trialAnswer = new TaskCompletionSource<HttpResponseMessage>();
        var trial = pipeline.ExecuteAsync(_ => new ValueTask<HttpResponseMessage>(trialAnswer.Task)).AsTask();
        Assert.Equal(CircuitState.HalfOpen, activity.Circuit.CircuitState);
        Assert.True(activity.RefusesCalls);
        trialAnswer.SetResult(new HttpResponseMessage(HttpStatusCode.OK));
        await trial;
        Assert.Equal(CircuitState.Closed, activity.Circuit.CircuitState);
        Assert.False(activity.RefusesCalls);
    }

    private static IReadOnlyList<ResilienceStrategyDescriptor> Describe(AdapterResilienceOptions settings)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        AdapterPipelineExtensions.Configure(builder, settings, TestActivities.Of("test"));
        return builder.Build().GetPipelineDescriptor().Strategies;
    }
}
