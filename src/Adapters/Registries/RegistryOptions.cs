using System.ComponentModel.DataAnnotations;
using IntegrationHub.Adapters.Resilience;

namespace IntegrationHub.Adapters.Registries;

/// <summary>A national registry reached through the data-sharing platform with a client-credentials token.</summary>
public abstract class RegistryOptions : AdapterResilienceOptions
{
    protected RegistryOptions()
    {
        // A registry is asked while an agency's submit waits for its answer.
        AttemptTimeout = TimeSpan.FromSeconds(5);
        TotalTimeout = TimeSpan.FromSeconds(10);
    }

    [Required]
    public Uri? BaseUrl { get; set; }

    public string TokenPath { get; set; } = "oauth/token";

    public abstract string LookupPath { get; set; }

    [Required]
    public string ClientId { get; set; } = "";

    [Required]
    public string ClientSecret { get; set; } = "";

    /// <summary>The <c>lgspaccesstoken</c> header a VNPT-style LGSP wants with token requests, or null.</summary>
    public virtual string? PlatformAccessHeader => null;

    /// <summary>MaDonVi: the asking unit (the province's hub).</summary>
    [Required]
    public string UnitCode { get; set; } = "";
}
