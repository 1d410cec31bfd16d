namespace IntegrationHub.Hub.Notices;

/// <summary>What the notice log keeps of a notice, whatever its channel.</summary>
public interface INotice
{
    /// <summary>Deterministic: dossier, event, dossier version (and channel). The same event never makes two notices.</summary>
    string Id { get; }
    Guid DossierId { get; }
    NoticeEvent Event { get; }
    /// <summary><c>sms</c> or <c>email</c>.</summary>
    string Channel { get; }
    string Text { get; }
    string? Subject { get; }
}
