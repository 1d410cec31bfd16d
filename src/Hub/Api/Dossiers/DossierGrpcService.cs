using Grpc.Core;
using IntegrationHub.Hub.Events;
using IntegrationHub.Hub.Security;
using IntegrationHub.Hub.Workflow;
using IntegrationHub.V1;
using Microsoft.AspNetCore.Authorization;

namespace IntegrationHub.Hub.Api.Dossiers;

/// <summary>Agency systems' entry point: maps messages to the domain's commands and queries and back.</summary>
[Authorize(Policy = HubRoles.Agency)]
public sealed class DossierGrpcService(
    DossierCommands commands, DossierQueries queries, DossierReceipts receipts, RequestReader common, DossierRequestReader messages, EventWatcher watcher)
    : DossierService.DossierServiceBase
{
    public override async Task<SubmitDossierResponse> SubmitDossier(SubmitDossierRequest request, ServerCallContext context)
    {
        var client = context.Caller();
        var write = common.Write(client, request.RequestId, request);
        var answer = await commands.SubmitAsync(write, client, messages.ToNewDossier(request), context.CancellationToken);
        return DossierAnswerWriter.ToMessage(answer);
    }

    public override async Task<RecordProgressResponse> RecordProgress(RecordProgressRequest request, ServerCallContext context)
    {
        var client = context.Caller();
        var write = common.Write(client, request.RequestId, request);
        var answer = await commands.RecordProgressAsync(write, client, RequestReader.DossierCode(request.DossierCode), messages.ToStep(request), context.CancellationToken);
        return DossierAnswerWriter.ToMessage(answer);
    }

    public override async Task<SubmitSupplementResponse> SubmitSupplement(SubmitSupplementRequest request, ServerCallContext context)
    {
        var client = context.Caller();
        var write = common.Write(client, request.RequestId, request);
        var (step, papers) = messages.ToSupplement(request);
        var answer = await commands.SubmitSupplementAsync(write, client, RequestReader.DossierCode(request.DossierCode), step, papers, context.CancellationToken);
        return DossierAnswerWriter.ToMessage(answer);
    }

    public override async Task<AttachResultResponse> AttachResult(AttachResultRequest request, ServerCallContext context)
    {
        var client = context.Caller();
        var write = common.Write(client, request.RequestId, request);
        var answer = await commands.AttachResultAsync(write, client, RequestReader.DossierCode(request.DossierCode), messages.ToResult(request.Result), context.CancellationToken);
        return DossierAnswerWriter.ToMessage(answer);
    }

    public override async Task<RescheduleDossierResponse> RescheduleDossier(RescheduleDossierRequest request, ServerCallContext context)
    {
        var client = context.Caller();
        var write = common.Write(client, request.RequestId, request);
        var (newDueAt, reason) = messages.ToReschedule(request);
        var answer = await commands.RescheduleAsync(write, client, RequestReader.DossierCode(request.DossierCode), newDueAt, reason, context.CancellationToken);
        return DossierAnswerWriter.ToMessage(answer);
    }

    public override async Task<IntegrationHub.V1.Dossier> GetDossier(GetDossierRequest request, ServerCallContext context) =>
        DossierAnswerWriter.ToMessage(await queries.GetAsync(context.Caller(), RequestReader.DossierCode(request.DossierCode), context.CancellationToken));

    public override async Task<Receipt> GetReceipt(GetReceiptRequest request, ServerCallContext context) =>
        DossierAnswerWriter.ToMessage(await receipts.GetAsync(context.Caller(), RequestReader.DossierCode(request.DossierCode), context.CancellationToken));

    public override async Task<ListDossiersResponse> ListDossiers(ListDossiersRequest request, ServerCallContext context) =>
        DossierAnswerWriter.ToMessage(await queries.ListAsync(context.Caller(), messages.ToFilter(request), context.CancellationToken));

    public override async Task WatchEvents(WatchEventsRequest request, IServerStreamWriter<DossierEvent> responseStream, ServerCallContext context)
    {
        try
        {
            await watcher.WatchAsync(
                context.Caller(), request.AfterPosition, [.. request.AgencyCodes],
                record => responseStream.WriteAsync(DossierEventMessages.ToMessage(record), context.CancellationToken),
                context.CancellationToken);
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // The caller hung up: the normal end of a watch.
        }
    }
}
