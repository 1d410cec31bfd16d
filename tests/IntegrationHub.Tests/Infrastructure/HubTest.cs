using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.Tests.Infrastructure;

/// <summary>A test class with a hub of its own for each test: its own database and simulated portal.</summary>
public abstract class HubTest : IAsyncLifetime
{
    protected HubHost Hub { get; private set; } = null!;

    public async Task InitializeAsync() => Hub = await HubHost.StartAsync(Configure, SendsSms, Logs, ConfigureServices);

    /// <summary>Whether the hub sends SMS notices; off by default, so that the portal is the only outbound target.</summary>
    protected virtual bool SendsSms => false;

    /// <summary>A logging provider that sees what the hub logs; none by default.</summary>
    protected virtual ILoggerProvider? Logs => null;

    /// <summary>
    /// Every test ends by checking that the portal and the payment platform (and whatever else the test names)
    /// saw nothing a correct hub would not send: no repeat, no field or code outside the contract.
    /// </summary>
    public async Task DisposeAsync()
    {
        var violations = Hub.Portal.Records.Violations.Concat(Hub.PaymentPlatform.Violations).Concat(await MoreViolationsAsync()).ToList();
        WireDump.Append(Hub.Portal.Records);
        await Hub.DisposeAsync();
        Assert.Empty(violations);
    }

    /// <summary>Violations seen by other peers of the test's (the SMTP server).</summary>
    protected virtual Task<IEnumerable<string>> MoreViolationsAsync() => Task.FromResult(Enumerable.Empty<string>());

    /// <summary>Adjusts the hub's settings before it starts.</summary>
    protected virtual void Configure(Dictionary<string, string?> settings)
    {
    }

    /// <summary>Adds services of the test's before the hub's own.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }
}
