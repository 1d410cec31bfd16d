using Google.Protobuf.WellKnownTypes;
using IntegrationHub.V1;

namespace IntegrationHub.Hub.Events;

/// <summary>The event log's rows as the wire's <c>DossierEvent</c>, for Kafka and WatchEvents alike.</summary>
public static class DossierEventMessages
{
    public static DossierEvent ToMessage(DossierEventRecord record) => new()
    {
        EventId = record.EventId.ToString(),
        Position = record.Position ?? 0,
        Type = (V1.DossierEventType)(int)record.Type,
        DossierCode = record.DossierCode,
        AgencyCode = record.AgencyCode,
        ProcedureCode = record.ProcedureCode,
        DossierVersion = record.DossierVersion,
        OccurredAt = Timestamp.FromDateTimeOffset(record.OccurredAt),
        Status = record.Status is { } status ? (DossierStatus)(int)status : DossierStatus.Unspecified,
        Action = record.Action is { } action ? (V1.ProgressAction)(int)action : V1.ProgressAction.Unspecified,
        DocumentNumber = record.DocumentNumber ?? "",
        Target = record.Target ?? "",
        Detail = record.Detail ?? "",
    };
}
