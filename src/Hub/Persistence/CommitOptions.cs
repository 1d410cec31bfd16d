using System.ComponentModel.DataAnnotations;

namespace IntegrationHub.Hub.Persistence;

/// <summary>How concurrent writes share commits (<see cref="CommitCoalescer"/>); bound from <c>Hub:Commits</c>.</summary>
public sealed class CommitOptions
{
    public const string SectionName = "Hub:Commits";

    /// <summary>Writes saved together in one transaction at most.</summary>
    [Range(1, 1_000)]
    public int MaxWrites { get; set; } = 64;

    /// <summary>Transactions in flight at once: while one waits for its commit to reach the disk, the next gathers.</summary>
    [Range(1, 16)]
    public int Writers { get; set; } = 2;
}
