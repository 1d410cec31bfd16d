using System.Diagnostics;
using IntegrationHub.Adapters.Health;

namespace IntegrationHub.Adapters.Sms;

/// <summary>Checks an SMS provider with its balance query: it answers, and it accepts the hub's account.</summary>
public sealed class SmsProviderProbe(ISmsProvider provider, string displayName, AdapterActivity activity) : IAdapterProbe
{
    public string Name => provider.Name;

    public string Provider => displayName;

    public AdapterActivity Activity => activity;

    public async Task ProbeAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await provider.CheckAsync(cancellationToken);
            activity.Succeeded(Stopwatch.GetElapsedTime(started));
        }
        catch (SmsProviderException e)
        {
            activity.Failed(e.Message, Stopwatch.GetElapsedTime(started));
            throw new AdapterProbeException(e.Message, e);
        }
    }
}
