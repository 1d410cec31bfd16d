using IntegrationHub.Adapters.Health;

namespace IntegrationHub.Adapters.Email;

/// <summary>Checks an SMTP server: it accepts a connection (and the hub's login, when configured) and answers a NOOP.</summary>
public sealed class SmtpServerProbe(SmtpMailer mailer, AdapterActivity activity) : IAdapterProbe
{
    public string Name => mailer.Name;

    public string Provider => "SMTP";

    public AdapterActivity Activity => activity;

    public Task ProbeAsync(CancellationToken cancellationToken) =>
        activity.TrackAsync<bool, AdapterProbeException>(async () =>
        {
            await mailer.CheckAsync(cancellationToken);
            return true;
        });
}
