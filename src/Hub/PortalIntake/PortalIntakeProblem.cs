namespace IntegrationHub.Hub.PortalIntake;

/// <summary>A row the pull could not take, kept aside with the reason for operators; it is tried again on each pull until it can be taken.</summary>
public sealed class PortalIntakeProblem
{
    private PortalIntakeProblem()
    {
    }

    /// <summary>The national code, or a digest of the row when it has none.</summary>
    public string RowKey { get; private set; } = "";
    public string? NationalCode { get; private set; }
    public string AgencyCode { get; private set; } = "";
    public string Problem { get; private set; } = "";
    public string RawRow { get; private set; } = "";
    public DateTimeOffset FirstSeenAt { get; private set; }
    public DateTimeOffset LastSeenAt { get; private set; }
    public int TimesSeen { get; private set; }

    public static PortalIntakeProblem Of(string rowKey, string? nationalCode, string agencyCode, string problem, string rawRow, DateTimeOffset now) => new()
    {
        RowKey = rowKey, NationalCode = nationalCode, AgencyCode = agencyCode, Problem = problem, RawRow = rawRow,
        FirstSeenAt = now, LastSeenAt = now, TimesSeen = 1,
    };

    public void SeenAgain(string problem, string rawRow, DateTimeOffset now)
    {
        Problem = problem;
        RawRow = rawRow;
        LastSeenAt = now;
        TimesSeen++;
    }
}
