using IntegrationHub.Adapters.NationalPortal.Wire;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Adapters.NationalPortal;

/// <summary>
/// Delivers dossier changes to the portal and says what became of each: delivered, a transient fault
/// (retry later; in doubt when the call may have taken effect), or a permanent rejection (a validation
/// error the portal will give again). Items go in one call; the portal answers a call as a whole, so
/// when it refuses one, each item is sent alone to find the one at fault and let the others through.
/// An item in doubt is sent only if the portal does not already hold it.
/// </summary>
public sealed class NationalPortalClient(
    PortalConnection connection,
    PortalHoldings holdings,
    ProcedureCatalog catalog,
    PortalWireMapper mapper,
    IOptions<NationalPortalOptions> options) : INationalPortal
{
    private readonly NationalPortalOptions _options = options.Value;

    public async Task<IReadOnlyList<DeliveryOutcome>> SyncDossiersAsync(IReadOnlyList<Outgoing<PortalDossier>> dossiers, bool isUpdate, CancellationToken cancellationToken)
    {
        var outcomes = new DeliveryOutcome[dossiers.Count];
        var items = new List<(int Index, HoSo Item)>();
        for (var i = 0; i < dossiers.Count; i++)
        {
            try
            {
                var procedure = await catalog.FindAsync(dossiers[i].Message.ProcedureCode, connection, cancellationToken);
                if (procedure is null)
                {
                    outcomes[i] = DeliveryOutcome.Permanent($"procedure code {dossiers[i].Message.ProcedureCode} is not in the national catalogue (LayThuTuc found nothing)");
                    continue;
                }
                var item = mapper.ToHoSo(dossiers[i].Message, procedure);
                if (dossiers[i].InDoubt && await holdings.HoldsAsync(item, cancellationToken))
                {
                    outcomes[i] = AlreadyHeld;
                    continue;
                }
                items.Add((i, item));
            }
            catch (PortalFaultException e)
            {
                outcomes[i] = DeliveryOutcome.Transient(e.Message, inDoubt: dossiers[i].InDoubt);
            }
        }
        await DeliverAsync(items, (data, token) => SyncAsync(data, isUpdate, token), outcomes, cancellationToken);
        return outcomes;
    }

    public async Task<IReadOnlyList<string>> DifferencesAsync(PortalDossier dossier, CancellationToken cancellationToken) =>
        await catalog.FindAsync(dossier.ProcedureCode, connection, cancellationToken) is { } procedure
            ? await holdings.DifferencesAsync(mapper.ToHoSo(dossier, procedure), cancellationToken)
            : [$"procedure code {dossier.ProcedureCode} is not in the national catalogue"];

    public async Task<IReadOnlyList<DeliveryOutcome>> ReportProgressAsync(IReadOnlyList<Outgoing<PortalProgress>> steps, CancellationToken cancellationToken)
    {
        var outcomes = new DeliveryOutcome[steps.Count];
        var items = new List<(int Index, TienDo Item)>();
        for (var i = 0; i < steps.Count; i++)
        {
            var item = mapper.ToTienDo(steps[i].Message);
            try
            {
                if (steps[i].InDoubt && await holdings.HoldsAsync(item, cancellationToken))
                {
                    outcomes[i] = AlreadyHeld;
                    continue;
                }
                items.Add((i, item));
            }
            catch (PortalFaultException e)
            {
                outcomes[i] = DeliveryOutcome.Transient(e.Message, inDoubt: steps[i].InDoubt);
            }
        }
        await DeliverAsync(items, ProgressAsync, outcomes, cancellationToken);
        return outcomes;
    }

    private static DeliveryOutcome AlreadyHeld => DeliveryOutcome.Delivered("the portal already held it (TraCuuHoSo) after an attempt whose answer was lost");

    private static async Task DeliverAsync<T>(
        List<(int Index, T Item)> items,
        Func<T[], CancellationToken, Task<DeliveryOutcome>> send,
        DeliveryOutcome[] outcomes,
        CancellationToken cancellationToken)
    {
        if (items.Count == 0)
        {
            return;
        }
        var outcome = await send([.. items.Select(i => i.Item)], cancellationToken);
        if (outcome.Result != DeliveryResult.PermanentFailure || items.Count == 1)
        {
            items.ForEach(i => outcomes[i.Index] = outcome);
            return;
        }
        foreach (var (index, item) in items)
        {
            outcomes[index] = await send([item], cancellationToken);
        }
    }

    private async Task<DeliveryOutcome> SyncAsync(HoSo[] data, bool isUpdate, CancellationToken cancellationToken)
    {
        try
        {
            var reply = await connection.WriteAsync(_options.IntegrationPath, session => SyncEnvelope(session, isUpdate, data), cancellationToken);
            if (!isUpdate && _options.AlreadyExistsCodes.Contains(reply.Answer.ErrorCode))
            {
                if (data.Length > 1)
                {
                    return DeliveryOutcome.Permanent("one of the dossiers already exists at the portal", reply.RawBody);
                }
                // The portal has the dossier from elsewhere (an earlier system, an operator): this sync updates it.
                reply = await connection.WriteAsync(_options.IntegrationPath, session => SyncEnvelope(session, true, data), cancellationToken);
            }
            return Classify(reply);
        }
        catch (PortalFaultException e)
        {
            return DeliveryOutcome.Transient(e.Message, inDoubt: e.InDoubt, unanswered: e.Unanswered);
        }
    }

    private async Task<DeliveryOutcome> ProgressAsync(TienDo[] data, CancellationToken cancellationToken)
    {
        try
        {
            var reply = await connection.WriteAsync(
                _options.IntegrationPath,
                session => new PortalEnvelope { Session = session, UnitCode = _options.UnitCode, Service = "CapNhatTienDoHoSoMC", Data = data },
                cancellationToken);
            return Classify(reply);
        }
        catch (PortalFaultException e)
        {
            return DeliveryOutcome.Transient(e.Message, inDoubt: e.InDoubt, unanswered: e.Unanswered);
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
        var portalsOwnTrouble = _options.TransientCodes.Contains(answer.ErrorCode)
            || _options.SessionInvalidCodes.Contains(answer.ErrorCode)
            || _options.TransientMessages.Any(m => answer.Message?.Contains(m, StringComparison.OrdinalIgnoreCase) == true);
        return portalsOwnTrouble
            ? DeliveryOutcome.Transient(detail, reply.RawBody)
            : DeliveryOutcome.Permanent(detail, reply.RawBody);
    }
}
