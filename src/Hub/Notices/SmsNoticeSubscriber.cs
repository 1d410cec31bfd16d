using IntegrationHub.Hub.Dossiers;
using IntegrationHub.Hub.Outbox;

namespace IntegrationHub.Hub.Notices;

/// <summary>
/// Turns the changes an applicant must hear of (<see cref="NoticeContent"/>) into SMS notices in the outbox,
/// written in the change's own transaction, when the dossier has a contact phone.
/// </summary>
public sealed class SmsNoticeSubscriber(NoticeTemplates templates) : IOutboxSubscriber<DossierChange>
{
    public const string Target = "sms";
    public const string Kind = "notice";

    public IEnumerable<OutboxEntry> EntriesFor(DossierChange change)
    {
        var dossier = change.Dossier;
        if (dossier.ContactPhone is { } phone && NoticeContent.For(change) is { } content && templates.Render(content.Event, content.Values) is { } text)
        {
            yield return OutboxEntry.Of(Target, Kind, new SmsNotice($"{dossier.Id:N}:{content.Event}:{dossier.Version}", dossier.Id, dossier.Code, content.Event, phone, text));
        }
    }
}
