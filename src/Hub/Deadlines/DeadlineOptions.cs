namespace IntegrationHub.Hub.Deadlines;

/// <summary>Watching due dates; bound from <c>Hub:Deadlines</c>.</summary>
public sealed class DeadlineOptions
{
    public const string SectionName = "Hub:Deadlines";

    /// <summary>How often open dossiers are checked against their due dates.</summary>
    public TimeSpan OverdueCheckInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A dossier received at or after this time of day (GMT+7), or on a day off, counts from the next working day.</summary>
    public TimeSpan ReceiptCutoff { get; set; } = TimeSpan.FromHours(15);

    /// <summary>A computed due date falls at this time of day (GMT+7): the end of office hours.</summary>
    public TimeSpan OfficeCloses { get; set; } = TimeSpan.FromHours(17);
}
