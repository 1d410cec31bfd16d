namespace IntegrationHub.Hub.Notices;

/// <summary>One e-mail to an applicant, as the outbox carries it to <see cref="NoticeDeliveryHandler{TNotice}"/>.</summary>
/// <param name="Id">Deterministic: dossier, event, dossier version and <c>email</c>; it also makes the Message-ID.</param>
/// <param name="Address">As the agency gave it; checked when sent.</param>
public sealed record EmailNotice(string Id, Guid DossierId, string DossierCode, NoticeEvent Event, string Address, string Subject, string Text, string Html) : INotice
{
    public string Channel => "email";

    string? INotice.Subject => Subject;
}
