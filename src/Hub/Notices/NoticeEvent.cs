namespace IntegrationHub.Hub.Notices;

/// <summary>What a notice tells the applicant.</summary>
public enum NoticeEvent
{
    /// <summary>The agency received the dossier (tiếp nhận): its code and due date.</summary>
    Received,
    /// <summary>The agency asks for more papers, and why.</summary>
    SupplementRequested,
    /// <summary>The result is signed: how to receive it.</summary>
    ResultReady,
    PaymentReceived,
    /// <summary>The dossier is late: the agency's apology, its reason and the new due date.</summary>
    DueDateRescheduled,
    /// <summary>An electronic result was issued: where to download it (by e-mail; no SMS template by default).</summary>
    ElectronicResult,
}
