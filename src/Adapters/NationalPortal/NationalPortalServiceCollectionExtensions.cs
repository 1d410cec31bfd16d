using System.Diagnostics.Metrics;
using System.Text.Json;
using System.Text.Json.Serialization;
using IntegrationHub.Adapters.Health;
using IntegrationHub.Adapters.NationalPortal.Wire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Refit;

namespace IntegrationHub.Adapters.NationalPortal;

public static class NationalPortalServiceCollectionExtensions
{
    public const string AdapterName = "national-portal";

    /// <summary>
    /// The national-portal adapter: options from <c>Hub:Adapters:NationalPortal</c>, the Refit wire
    /// client, and its resilience pipeline (total timeout, retry with jitter for transient faults,
    /// circuit breaker, per-attempt timeout).
    /// </summary>
    public static IServiceCollection AddNationalPortal(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NationalPortalOptions>()
            .Bind(configuration.GetSection(NationalPortalOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<PortalSessionStore>();
        services.AddSingleton<ProcedureCatalog>();
        services.AddSingleton<PortalWireMapper>();
        services.AddTransient<PortalConnection>();
        services.AddTransient<INationalPortal, NationalPortalClient>();
        services.AddKeyedSingleton(AdapterName, (provider, _) =>
            new AdapterActivity(AdapterName, provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<IMeterFactory>()));
        services.AddSingleton(provider => provider.GetRequiredKeyedService<AdapterActivity>(AdapterName));
        services.AddTransient<IAdapterProbe, NationalPortalProbe>();

        var serializer = new SystemTextJsonContentSerializer(new JsonSerializerOptions
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        });
        services.AddRefitGeneratedClient<INationalPortalApi>(new RefitSettings(serializer))
            .ConfigureHttpClient((provider, client) =>
            {
                var options = provider.GetRequiredService<IOptions<NationalPortalOptions>>().Value;
                client.BaseAddress = options.BaseUrl;
                // The resilience pipeline owns every time limit.
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddResilienceHandler(AdapterName, (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<NationalPortalOptions>>().Value;
                pipeline
                    .AddTimeout(options.TotalTimeout)
                    .AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = options.MaxRetries,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        Delay = options.RetryDelay,
                    })
                    .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                    {
                        FailureRatio = options.BreakerFailureRatio,
                        MinimumThroughput = options.BreakerMinimumThroughput,
                        SamplingDuration = options.BreakerSamplingDuration,
                        BreakDuration = options.BreakerBreakDuration,
                        StateProvider = context.ServiceProvider.GetRequiredKeyedService<AdapterActivity>(AdapterName).Circuit,
                    })
                    .AddTimeout(options.AttemptTimeout);
            });
        return services;
    }
}
