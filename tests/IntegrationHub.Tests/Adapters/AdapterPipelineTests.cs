using IntegrationHub.Adapters.NationalPortal;
using IntegrationHub.Adapters.Resilience;
using IntegrationHub.Adapters.Sms.Esms;
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

    private static IReadOnlyList<ResilienceStrategyDescriptor> Describe(AdapterResilienceOptions settings)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        AdapterPipelineExtensions.Configure(builder, settings, new CircuitBreakerStateProvider());
        return builder.Build().GetPipelineDescriptor().Strategies;
    }
}
