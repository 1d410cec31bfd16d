namespace IntegrationHub.Hub.PortalCalls;

/// <summary>How the national portal (DVCQG) proves it is the one calling the province's endpoints.</summary>
public sealed class PortalCallsOptions
{
    public const string SectionName = "Hub:PortalCalls";

    /// <summary>The shared secret DVCQG (or the province's X-Road adapter in front of the hub) presents; none: the endpoints refuse every call.</summary>
    public string? Secret { get; set; }

    /// <summary>The header that carries it.</summary>
    public string SecretHeader { get; set; } = "X-DVCQG-Key";

    /// <summary>The largest body of a push that carries files (addtthcKhuyenMai: the form and the papers as base64); a larger one is refused.</summary>
    public long MaxPushBytes { get; set; } = 32 * 1024 * 1024;
}
