namespace IntegrationHub.Hub.Procedures;

public sealed class ProcedureOptions
{
    public const string SectionName = "Hub:Procedures";

    /// <summary>How often the whole catalogue is fetched again; between runs, a procedure not kept yet is fetched when asked for.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromHours(12);
}
