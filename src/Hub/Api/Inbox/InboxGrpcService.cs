using Google.Protobuf;
using Grpc.Core;
using IntegrationHub.Hub.PortalIntake;
using IntegrationHub.Hub.Requests;
using IntegrationHub.Hub.Security;
using IntegrationHub.V1;
using Microsoft.AspNetCore.Authorization;

namespace IntegrationHub.Hub.Api.Inbox;

/// <summary>Agency systems' inbox of dossiers filed on the national portal: list, download files, acknowledge.</summary>
[Authorize(Policy = HubRoles.Agency)]
public sealed class InboxGrpcService(PortalInbox inbox) : InboxService.InboxServiceBase
{
    private const int ChunkBytes = 64 * 1024;

    public override async Task<ListArrivalsResponse> ListArrivals(ListArrivalsRequest request, ServerCallContext context)
    {
        var filter = new ArrivalFilter(
            [.. request.AgencyCodes.Select((a, i) => RequestFields.Matching(a, $"agency_codes[{i}]", RequestFields.AgencyCode(), "an agency code such as 000.00.01.H22"))],
            request.IncludeAcknowledged,
            RequestFields.PageSize(request.PageSize, byDefault: 50, PortalInbox.MaxPageSize),
            PageTokens.Read(request.PageToken) is { } after ? new ArrivalPosition(after.At, after.Key) : null);
        var (arrivals, next) = await inbox.ListAsync(context.Caller(), filter, context.CancellationToken);
        return new ListArrivalsResponse { Arrivals = { arrivals.Select(InboxAnswerWriter.ToMessage) }, NextPageToken = next is null ? "" : PageTokens.Write(next.ArrivedAt, next.NationalCode) };
    }

    public override async Task<Arrival> AcknowledgeArrival(AcknowledgeArrivalRequest request, ServerCallContext context) =>
        InboxAnswerWriter.ToMessage(await inbox.AcknowledgeAsync(context.Caller(), RequestReader.DossierCode(request.DossierCode), context.CancellationToken));

    public override async Task DownloadAttachment(DownloadAttachmentRequest request, IServerStreamWriter<AttachmentChunk> responseStream, ServerCallContext context)
    {
        if (!Guid.TryParse(request.AttachmentId, out var id))
        {
            throw new InvalidFieldException("attachment_id", "must be an attachment id from ListArrivals");
        }
        var content = await inbox.ContentAsync(context.Caller(), RequestReader.DossierCode(request.DossierCode), id, context.CancellationToken);
        for (var offset = 0; offset < content.Length; offset += ChunkBytes)
        {
            await responseStream.WriteAsync(new AttachmentChunk
            {
                Offset = offset,
                Data = ByteString.CopyFrom(content, offset, Math.Min(ChunkBytes, content.Length - offset)),
            }, context.CancellationToken);
        }
    }
}
