using Google.Protobuf.WellKnownTypes;
using IntegrationHub.Hub.PortalIntake;

namespace IntegrationHub.Hub.Api.Inbox;

/// <summary>Writes the inbox's answers: an arrival with its files as the wire carries them.</summary>
public static class InboxAnswerWriter
{
    public static V1.Arrival ToMessage(ArrivalView view) => new()
    {
        DossierCode = view.Arrival.NationalCode,
        AgencyCode = view.Arrival.AgencyCode,
        ProcedureCode = view.ProcedureCode,
        ApplicantName = view.ApplicantName,
        FiledAt = Timestamp.FromDateTimeOffset(view.FiledAt),
        DueAt = Timestamp.FromDateTimeOffset(view.DueAt),
        ArrivedAt = Timestamp.FromDateTimeOffset(view.Arrival.ArrivedAt),
        AcknowledgedAt = Timestamps.Of(view.Arrival.AcknowledgedAt),
        AcknowledgedBy = view.Arrival.AcknowledgedBy ?? "",
        Files =
        {
            view.Files.Select(f => new V1.ArrivedFile
            {
                AttachmentId = f.Id.ToString(), ComponentCode = f.ComponentCode, Name = f.Name, MediaType = f.MediaType, SizeBytes = f.SizeBytes, Sha256 = f.Sha256,
            }),
        },
        Amendments =
        {
            view.Amendments.Select(a => new V1.PortalAmendment
            {
                ReceivedAt = Timestamp.FromDateTimeOffset(a.ReceivedAt), SubmittedJson = a.Submitted ?? "", AmendedJson = a.Amended ?? "",
                FileName = a.FileName ?? "", FileUrl = a.FileUrl ?? "",
            }),
        },
    };
}
