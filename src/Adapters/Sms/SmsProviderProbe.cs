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
        try
        {
            await activity.TrackAsync<bool, SmsProviderException>(async () =>
            {
                await provider.CheckAsync(cancellationToken);
                return true;
            });
        }
        catch (SmsProviderException e)
        {
            throw new AdapterProbeException(e.Message, e);
        }
    }
}
