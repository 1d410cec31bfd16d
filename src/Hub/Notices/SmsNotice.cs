namespace IntegrationHub.Hub.Notices;

/// <summary>One SMS to an applicant, as the outbox carries it to <see cref="NoticeDeliveryHandler{TNotice}"/>.</summary>
/// <param name="Id">Deterministic: dossier, event and dossier version. The same event never makes two notices.</param>
/// <param name="Phone">As the agency gave it; checked when sent.</param>
public sealed record SmsNotice(string Id, Guid DossierId, string DossierCode, NoticeEvent Event, string Phone, string Text) : INotice
{
    public string Channel => "sms";

    public string? Subject => null;
}
