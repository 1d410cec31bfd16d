using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IntegrationHub.Adapters.Health;

public static class AdapterActivityServiceCollectionExtensions
{
    /// <summary>
    /// The adapter's <see cref="AdapterActivity"/>: keyed by its name for the adapter's own parts, and
    /// listed among every adapter's for metrics.
    /// </summary>
    public static IServiceCollection AddAdapterActivity(this IServiceCollection services, string name)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddKeyedSingleton(name, (container, _) =>
            new AdapterActivity(name, container.GetRequiredService<TimeProvider>(), container.GetRequiredService<IMeterFactory>()));
        services.AddSingleton(container => container.GetRequiredKeyedService<AdapterActivity>(name));
        return services;
    }
}
