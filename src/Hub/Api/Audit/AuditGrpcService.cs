using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using IntegrationHub.Hub.Audit;
using IntegrationHub.Hub.Security;
using IntegrationHub.V1;
using Microsoft.AspNetCore.Authorization;

namespace IntegrationHub.Hub.Api.Audit;

/// <summary>Operators' view of the exchange log: verifying the chain, and one dossier's exchanges.</summary>
[Authorize(Policy = HubRoles.Operator)]
public sealed class AuditGrpcService(ExchangeLogVerifier verifier, SealAnchorFile anchors) : AuditService.AuditServiceBase
{
    public override async Task<VerifyExchangeLogResponse> VerifyExchangeLog(VerifyExchangeLogRequest request, ServerCallContext context)
    {
        var report = await verifier.VerifyAsync(request.From?.ToDateTimeOffset(), request.To?.ToDateTimeOffset(), context.CancellationToken);
        return new VerifyExchangeLogResponse
        {
            Intact = report.FirstBroken is null,
            EntriesChecked = report.Checked,
            SealsChecked = report.SealsChecked,
            AnchorsChecked = report.AnchorsChecked,
            AnchorFile = anchors.Path,
            EntriesUnchained = report.Unchained,
            BrokenPosition = report.FirstBroken?.Position ?? 0,
            BrokenEntryId = report.FirstBroken?.Id ?? 0,
            Problem = report.FirstBroken?.Problem ?? "",
        };
    }

    public override async Task<ExportDossierExchangesResponse> ExportDossierExchanges(ExportDossierExchangesRequest request, ServerCallContext context)
    {
        var entries = await verifier.ForDossierAsync(RequestReader.DossierCode(request.DossierCode), context.CancellationToken);
        return new ExportDossierExchangesResponse { Entries = { entries.Select(ToMessage) } };
    }

    private static V1.ExchangeEntry ToMessage(Hub.Audit.ExchangeEntry entry) => new()
    {
        Id = entry.Id,
        Position = entry.Position ?? 0,
        RecordedAt = Timestamp.FromDateTimeOffset(entry.RecordedAt),
        Kind = (V1.ExchangeKind)(int)entry.Kind,
        Target = entry.Target,
        Operation = entry.Operation,
        DossierCode = entry.DossierCode ?? "",
        ClientId = entry.ClientId ?? "",
        RequestDigest = entry.RequestDigest,
        ResponseDigest = entry.ResponseDigest,
        Outcome = entry.Outcome,
        DurationMs = entry.DurationMicroseconds / 1000.0,
        PrevHash = entry.PrevHash ?? "",
        Hash = entry.Hash ?? "",
    };
}
