using IntegrationHub.Adapters.NationalPortal.Wire;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Adapters.NationalPortal;

/// <summary>
/// Delivers dossier changes to the portal and says what became of each: delivered, a transient fault
/// (retry later), or a permanent rejection (a validation error the portal will give again).
/// </summary>
public sealed class NationalPortalClient(
    PortalConnection connection,
    ProcedureCatalog catalog,
    PortalWireMapper mapper,
    IOptions<NationalPortalOptions> options) : INationalPortal
{
    private readonly NationalPortalOptions _options = options.Value;

    public async Task<DeliveryOutcome> SyncDossierAsync(PortalDossier dossier, bool isUpdate, CancellationToken cancellationToken)
    {
        try
        {
            var procedure = await catalog.FindAsync(dossier.ProcedureCode, connection, cancellationToken);
            if (procedure is null)
            {
                return DeliveryOutcome.Permanent($"procedure code {dossier.ProcedureCode} is not in the national catalogue (LayThuTuc found nothing)");
            }
            HoSo[] data = [mapper.ToHoSo(dossier, procedure)];
            var reply = await connection.CallAsync(_options.IntegrationPath, session => SyncEnvelope(session, isUpdate, data), cancellationToken);
            if (!isUpdate && _options.AlreadyExistsCodes.Contains(reply.Answer.ErrorCode))
            {
                // The first send may have reached the portal before a crash or timeout hid the answer.
                reply = await connection.CallAsync(_options.IntegrationPath, session => SyncEnvelope(session, true, data), cancellationToken);
            }
            return Classify(reply);
        }
        catch (PortalFaultException e)
        {
            return DeliveryOutcome.Transient(e.Message);
        }
    }

    public async Task<DeliveryOutcome> ReportProgressAsync(PortalProgress progress, CancellationToken cancellationToken)
    {
        try
        {
            TienDo[] data = [mapper.ToTienDo(progress)];
            var reply = await connection.CallAsync(
                _options.IntegrationPath,
                session => new PortalEnvelope { Session = session, UnitCode = _options.UnitCode, Service = "CapNhatTienDoHoSoMC", Data = data },
                cancellationToken);
            return Classify(reply);
        }
        catch (PortalFaultException e)
        {
            return DeliveryOutcome.Transient(e.Message);
        }
    }

    private PortalEnvelope SyncEnvelope(string session, bool isUpdate, HoSo[] data) => new()
    {
        Session = session,
        UnitCode = _options.UnitCode,
        Service = "DongBoHoSoMC",
        IsUpdating = isUpdate ? "True" : "False",
        Data = data,
    };

    private DeliveryOutcome Classify(PortalReply reply)
    {
        var answer = reply.Answer;
        if (answer.IsSuccess)
        {
            return DeliveryOutcome.Delivered(reply.RawBody);
        }
        var detail = $"portal error_code {answer.ErrorCode}: {answer.Message}".TrimEnd(' ', ':');
        return _options.TransientCodes.Contains(answer.ErrorCode) || _options.SessionInvalidCodes.Contains(answer.ErrorCode)
            ? DeliveryOutcome.Transient(detail, reply.RawBody)
            : DeliveryOutcome.Permanent(detail, reply.RawBody);
    }
}
