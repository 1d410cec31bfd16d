using System.Globalization;
using IntegrationHub.Adapters;
using IntegrationHub.Hub.Dossiers;
using IntegrationHub.Hub.Outbox;

namespace IntegrationHub.Hub.Notices;

/// <summary>
/// Turns the changes an applicant must hear of into SMS notices in the outbox, written in the change's
/// own transaction: received, supplement requested, result ready (signed), fees paid, and the apology
/// with a new due date for a late dossier.
/// </summary>
public sealed class SmsNoticeSubscriber(NoticeTemplates templates) : IOutboxSubscriber<DossierChange>
{
    public const string Target = "sms";
    public const string Kind = "notice";

    public IEnumerable<OutboxEntry> EntriesFor(DossierChange change)
    {
        var dossier = change.Dossier;
        if (dossier.ContactPhone is not { } phone || EventOf(change) is not { } notice)
        {
            yield break;
        }
        var text = templates.Render(notice, new Dictionary<string, string>
        {
            ["DossierCode"] = dossier.Code,
            ["DueDate"] = VietnamTime.Date(dossier.CurrentDueAt).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
            ["Reason"] = (change.Kind == DossierChangeKind.Rescheduled ? dossier.RescheduleReason : change.Progress?.Note) ?? "xin liên hệ Bộ phận Một cửa",
            ["HowToReceive"] = dossier.Channel == Channel.Postal ? "qua bưu chính" : "tại Bộ phận Một cửa",
            ["PaymentReference"] = change.PaymentReference ?? "",
        });
        if (text is not null)
        {
            yield return OutboxEntry.Of(Target, Kind, new SmsNotice($"{dossier.Id:N}:{notice}:{dossier.Version}", dossier.Id, dossier.Code, notice, phone, text));
        }
    }

    private static NoticeEvent? EventOf(DossierChange change) => (change.Kind, change.Progress?.Action) switch
    {
        (DossierChangeKind.ProgressRecorded, ProgressAction.Receive) => NoticeEvent.Received,
        (DossierChangeKind.ProgressRecorded, ProgressAction.RequestSupplement) => NoticeEvent.SupplementRequested,
        (DossierChangeKind.ProgressRecorded, ProgressAction.Sign) => NoticeEvent.ResultReady,
        (DossierChangeKind.FeesPaid, _) => NoticeEvent.PaymentReceived,
        (DossierChangeKind.Rescheduled, _) => NoticeEvent.DueDateRescheduled,
        _ => null,
    };
}
