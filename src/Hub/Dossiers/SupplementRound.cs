namespace IntegrationHub.Hub.Dossiers;

/// <summary>One request for missing papers (yêu cầu bổ sung) and, once they came in, their receipt.</summary>
/// <param name="Id">The RequestSupplement step's id.</param>
/// <param name="DueBefore">ngày hẹn trả trước: the due date when the papers were asked for.</param>
public sealed record SupplementRound(Guid Id, DateTimeOffset RequestedAt, string RequestedBy, string? Reason, DateTimeOffset DueBefore)
{
    /// <summary>The papers asked for, by component code; empty when the agency only gave a reason.</summary>
    public IReadOnlyList<MissingPaper> Missing { get; init; } = [];
    /// <summary>hạn nộp bổ sung: by when the applicant should hand them in.</summary>
    public DateTimeOffset? RespondBy { get; init; }
    public DateTimeOffset? ReceivedAt { get; init; }
    public string? ReceivedBy { get; init; }
    /// <summary>ngày hẹn trả mới: the due date once the papers came in, moved by the working days waited.</summary>
    public DateTimeOffset? DueAfter { get; init; }

    /// <summary>The working days the dossier waited for the papers, which do not count against its due date.</summary>
    public int WorkingDaysWaited { get; init; }

    /// <summary>The ids of the documents handed in (through SubmitSupplement).</summary>
    public IReadOnlyList<string> PapersReceived { get; init; } = [];

    /// <summary>What the applicant is told is missing: the reason, each paper's own, and the deadline.</summary>
    public string? Wording => Missing.Count == 0 && RespondBy is null
        ? Reason
        : string.Join("; ", new[] { Reason }.Concat(Missing.Select(m => m.Reason))
            .Append(RespondBy is { } by ? $"hạn nộp bổ sung {VietnamDate(by)}" : null).Where(p => !string.IsNullOrEmpty(p)));

    private static string VietnamDate(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(7)).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
}

/// <param name="ComponentCode">mã thành phần hồ sơ.</param>
/// <param name="Reason">What is wrong or missing, as the applicant is told.</param>
public sealed record MissingPaper(string ComponentCode, string Reason);

/// <summary>What a REQUEST_SUPPLEMENT step asks for.</summary>
public sealed record SupplementAsk(IReadOnlyList<MissingPaper> Missing, DateTimeOffset? RespondBy);
