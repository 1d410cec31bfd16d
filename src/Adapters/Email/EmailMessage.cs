namespace IntegrationHub.Adapters.Email;

/// <summary>One e-mail to one applicant, in plain text and HTML.</summary>
/// <param name="Id">Deterministic; it becomes the Message-ID, so a receiver can tell a repeat.</param>
public sealed record EmailMessage(string Id, string To, string Subject, string Text, string Html);

public enum MailSendOutcome
{
    /// <summary>The server took the message (250 after the data).</summary>
    Accepted,
    /// <summary>The server refused it for good (5xx): another server may still take it.</summary>
    Rejected,
    /// <summary>Nothing left the hub: no connection, a 4xx, or a fault before the whole message was written.</summary>
    Down,
    /// <summary>The whole message went out but its answer never came: the server may hold it. Not sent again.</summary>
    Ambiguous,
}

/// <param name="MessageId">The Message-ID the message carried.</param>
/// <param name="Detail">The server's answer, or the fault.</param>
public sealed record MailSendResult(MailSendOutcome Outcome, string MessageId, string Detail);
