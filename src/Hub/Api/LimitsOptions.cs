namespace IntegrationHub.Hub.Api;

/// <summary>Bounds on what one request may carry; bound from <c>Hub:Limits</c>.</summary>
public sealed class LimitsOptions
{
    public const string SectionName = "Hub:Limits";

    /// <summary>Largest request accepted, in bytes of protobuf.</summary>
    public int MaxRequestBytes { get; set; } = 256 * 1024;
    public int MaxDocuments { get; set; } = 100;
    public int MaxFees { get; set; } = 50;
    /// <summary>TrichYeuHoSo is cut by the portal beyond 1000 characters.</summary>
    public int MaxSummaryLength { get; set; } = 1000;
    public int MaxTextLength { get; set; } = 500;
    public int MaxUrlLength { get; set; } = 2000;

    /// <summary>
    /// Largest single fee, VND. Administrative fees and charges run from thousands to a few million; the
    /// bound sits far above them and far below what a gateway's signed amount (VND × 100) can hold.
    /// </summary>
    public long MaxFeeAmount { get; set; } = 500_000_000;

    /// <summary>Largest sum of the fees one request asks for, VND.</summary>
    public long MaxFeesTotal { get; set; } = 1_000_000_000;

    /// <summary>How far ahead of the hub's clock a time that has happened (received_at, occurred_at) may be: the agency's clock may run ahead.</summary>
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How far back any time given may lie: older dossiers are not pushed to the hub.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(3653);

    /// <summary>How far ahead a promised time (a due date, a step deadline) may lie.</summary>
    public TimeSpan MaxHorizon { get; set; } = TimeSpan.FromDays(5 * 365);
}
