namespace IntegrationHub.Hub.Dossiers;

/// <summary>One request for missing papers (yêu cầu bổ sung) and, once they came in, their receipt.</summary>
/// <param name="Id">The RequestSupplement step's id.</param>
/// <param name="DueBefore">ngày hẹn trả trước: the due date when the papers were asked for.</param>
public sealed record SupplementRound(Guid Id, DateTimeOffset RequestedAt, string RequestedBy, string? Reason, DateTimeOffset DueBefore)
{
    public DateTimeOffset? ReceivedAt { get; init; }
    public string? ReceivedBy { get; init; }
    /// <summary>ngày hẹn trả mới: the due date once the papers came in, moved by the working days waited.</summary>
    public DateTimeOffset? DueAfter { get; init; }

    /// <summary>The working days the dossier waited for the papers, which do not count against its due date.</summary>
    public int WorkingDaysWaited { get; init; }
}
