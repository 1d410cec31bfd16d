namespace IntegrationHub.Hub.Grpc;

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
}
