using IntegrationHub.Adapters.Exchanges;
using IntegrationHub.Adapters.Health;
using IntegrationHub.Adapters.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace IntegrationHub.Adapters.Resilience;

public static class AdapterPipelineExtensions
{
    /// <summary>
    /// The pipeline every adapter's HTTP client uses: a total time limit, retries with jittered
    /// exponential backoff for transient faults only, a circuit breaker whose state the adapter's
    /// <see cref="AdapterActivity"/> reports, a time limit per attempt, and each attempt recorded in the
    /// exchange log. A request marked <see cref="AdapterRequests.TakesEffect"/> is retried only when the
    /// failed attempt certainly did not take effect.
    /// </summary>
    public static IHttpClientBuilder AddAdapterPipeline<TOptions>(this IHttpClientBuilder client, string adapterName, Func<IServiceProvider, TOptions> options)
        where TOptions : AdapterResilienceOptions
    {
        client.ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan); // the pipeline owns every time limit
        client.AddResilienceHandler(adapterName, (pipeline, context) => Configure(
            pipeline, options(context.ServiceProvider), context.ServiceProvider.GetRequiredKeyedService<AdapterActivity>(adapterName)));
        client.AddHttpMessageHandler(container => new ExchangeRecordingHandler(
            adapterName, container.GetService<IExchangeRecorder>() ?? NoExchangeRecorder.Instance, container.GetService<TimeProvider>() ?? TimeProvider.System));
        return client;
    }

    /// <summary>
    /// The pipeline's makeup, in Microsoft's documented order: total timeout, retry (only when <see cref="AdapterResilienceOptions.MaxRetries"/>
    /// is above zero), circuit breaker (its state and breaks shown by <paramref name="activity"/>), attempt timeout.
    /// </summary>
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, AdapterResilienceOptions settings, AdapterActivity activity)
    {
        pipeline.AddTimeout(settings.TotalTimeout);
        // Adapters whose calls are not safe to repeat (an SMS send) configure no retries.
        if (settings.MaxRetries > 0)
        {
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = settings.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.RetryDelay,
                ShouldHandle = args => ValueTask.FromResult(HttpClientResiliencePredicates.IsTransient(args.Outcome)
                    && (!TakesEffect(args.Context) || HttpFaults.NotProcessed(args.Outcome.Exception, args.Outcome.Result))),
            });
        }
        pipeline
            .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                FailureRatio = settings.BreakerFailureRatio,
                MinimumThroughput = settings.BreakerMinimumThroughput,
                SamplingDuration = settings.BreakerSamplingDuration,
                BreakDuration = settings.BreakerBreakDuration,
                StateProvider = activity.Circuit,
                OnOpened = args =>
                {
                    activity.CircuitOpened(args.BreakDuration);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(settings.AttemptTimeout);
    }

    private static bool TakesEffect(ResilienceContext context) =>
        context.GetRequestMessage()?.Options.TryGetValue(AdapterRequests.TakesEffectKey, out var takesEffect) == true && takesEffect;
}
