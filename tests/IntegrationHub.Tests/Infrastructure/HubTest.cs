namespace IntegrationHub.Tests.Infrastructure;

/// <summary>A test class with a hub of its own for each test: its own database and simulated portal.</summary>
public abstract class HubTest : IAsyncLifetime
{
    protected HubHost Hub { get; private set; } = null!;

    public async Task InitializeAsync() => Hub = await HubHost.StartAsync(Configure);

    public async Task DisposeAsync() => await Hub.DisposeAsync();

    /// <summary>Adjusts the hub's settings before it starts.</summary>
    protected virtual void Configure(Dictionary<string, string?> settings)
    {
    }
}
