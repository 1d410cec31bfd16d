using System.Globalization;
using IntegrationHub.Hub.Dossiers;

namespace IntegrationHub.Hub.Events;

/// <summary>One row of the event log. Its <see cref="Position"/> is given after commit by <see cref="EventSequencer"/>.</summary>
public sealed class DossierEventRecord
{
    private DossierEventRecord()
    {
    }

    public long Id { get; private set; }
    public long? Position { get; private set; }
    public Guid EventId { get; private set; }
    public Guid DossierId { get; private set; }
    public string DossierCode { get; private set; } = "";
    public string AgencyCode { get; private set; } = "";
    public string ProcedureCode { get; private set; } = "";
    public int DossierVersion { get; private set; }
    public DossierEventType Type { get; private set; }
    public DossierStatus? Status { get; private set; }
    public ProgressAction? Action { get; private set; }
    public string? DocumentNumber { get; private set; }
    public string? Target { get; private set; }
    public string? Detail { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>A SUBMITTED event's detail when the dossier was filed on the national portal.</summary>
    public const string NationalPortalOrigin = "national-portal";

    /// <summary>The event an accepted change makes; the same every time it is asked for.</summary>
    public static DossierEventRecord For(DossierChange change)
    {
        var dossier = change.Dossier;
        return new DossierEventRecord
        {
            EventId = change.Id,
            DossierId = dossier.Id,
            DossierCode = dossier.Code,
            AgencyCode = dossier.AgencyCode,
            ProcedureCode = dossier.ProcedureCode,
            DossierVersion = dossier.Version,
            Type = change.Kind switch
            {
                DossierChangeKind.Submitted => DossierEventType.Submitted,
                DossierChangeKind.ProgressRecorded => DossierEventType.ProgressRecorded,
                DossierChangeKind.FeesPaid => DossierEventType.PaymentReceived,
                DossierChangeKind.Rescheduled => DossierEventType.DueDateRescheduled,
                DossierChangeKind.FeesRefunded => DossierEventType.PaymentRefunded,
                _ => DossierEventType.ResultAttached,
            },
            Detail = change.Kind switch
            {
                DossierChangeKind.Rescheduled => RescheduledDetail(dossier),
                // Filed by the citizen on DVCQG: it waits in the agency's inbox.
                DossierChangeKind.Submitted when dossier.Origin == DossierOrigin.NationalPortal => NationalPortalOrigin,
                _ => change.PaymentReference,
            },
            Status = dossier.Status,
            Action = change.Progress?.Action,
            DocumentNumber = change.Result?.DocumentNumber,
            OccurredAt = dossier.UpdatedAt,
        };
    }

    private static string RescheduledDetail(Dossier dossier) =>
        dossier.RescheduledDueAt!.Value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
