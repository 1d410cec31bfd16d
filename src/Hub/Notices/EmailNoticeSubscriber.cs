using IntegrationHub.Hub.Dossiers;
using IntegrationHub.Hub.Outbox;

namespace IntegrationHub.Hub.Notices;

/// <summary>
/// Turns the changes an applicant must hear of (<see cref="NoticeContent"/>) into e-mail notices in the
/// outbox, written in the change's own transaction, when the dossier has a contact e-mail address.
/// </summary>
public sealed class EmailNoticeSubscriber(NoticeTemplates templates) : IOutboxSubscriber<DossierChange>
{
    public const string Target = "email";
    public const string Kind = "notice";

    public IEnumerable<OutboxEntry> EntriesFor(DossierChange change)
    {
        var dossier = change.Dossier;
        if (dossier.ContactEmail is { } address && NoticeContent.For(change) is { } content && templates.RenderEmail(content) is { } mail)
        {
            yield return OutboxEntry.Of(Target, Kind, new EmailNotice(
                $"{dossier.Id:N}:{content.Event}:{dossier.Version}:email", dossier.Id, dossier.Code, content.Event, address, mail.Subject, mail.Text, mail.Html));
        }
    }
}
