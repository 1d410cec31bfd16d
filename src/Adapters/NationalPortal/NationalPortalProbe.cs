using IntegrationHub.Adapters.Health;
using IntegrationHub.Adapters.NationalPortal.Wire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Adapters.NationalPortal;

/// <summary>Checks the portal with a session (logging in when there is none) and one catalogue read (LayThuTuc).</summary>
public sealed class NationalPortalProbe(
    PortalConnection connection,
    IOptions<NationalPortalOptions> options,
    [FromKeyedServices(NationalPortalServiceCollectionExtensions.AdapterName)] AdapterActivity activity) : IAdapterProbe
{
    public string Name => NationalPortalServiceCollectionExtensions.AdapterName;

    public string Provider => "DVCQG";

    public AdapterActivity Activity => activity;

    public async Task ProbeAsync(CancellationToken cancellationToken)
    {
        PortalReply reply;
        try
        {
            reply = await connection.CallAsync(
                options.Value.SharePath,
                session => new PortalEnvelope { Session = session, UnitCode = options.Value.UnitCode, Service = "LayThuTuc", ProcedureCode = options.Value.ProbeProcedureCode },
                cancellationToken);
        }
        catch (PortalFaultException e)
        {
            throw new AdapterProbeException(e.Message, e);
        }
        if (!reply.Answer.IsSuccess)
        {
            throw new AdapterProbeException($"LayThuTuc answered error_code {reply.Answer.ErrorCode} {reply.Answer.Message}".TrimEnd());
        }
    }
}
