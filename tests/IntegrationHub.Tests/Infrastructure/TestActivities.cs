using System.Diagnostics.Metrics;
using IntegrationHub.Adapters.Health;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Tests.Infrastructure;

/// <summary>An adapter's activity outside a host, for tests that build an adapter or its pipeline themselves.</summary>
public static class TestActivities
{
    public static AdapterActivity Of(string name, TimeProvider? clock = null) =>
        new(name, clock ?? TimeProvider.System, new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>());
}
