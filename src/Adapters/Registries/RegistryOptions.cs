using System.ComponentModel.DataAnnotations;
using IntegrationHub.Adapters.Resilience;

namespace IntegrationHub.Adapters.Registries;

/// <summary>A national registry, reached directly or through a data-sharing platform that gives client-credentials tokens.</summary>
public abstract class RegistryOptions : AdapterResilienceOptions, IValidatableObject
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

    /// <summary>The platform account the token is asked with; required when the dialect takes a token.</summary>
    public string ClientId { get; set; } = "";

    public string ClientSecret { get; set; } = "";

    public TokenCredentials TokenCredentials { get; set; } = TokenCredentials.Form;

    /// <summary>Whether the configured dialect takes the platform's token.</summary>
    protected virtual bool UsesToken => true;

    /// <summary>The <c>lgspaccesstoken</c> header a VNPT-style LGSP wants with token requests, or null.</summary>
    public virtual string? PlatformAccessHeader => null;

    /// <summary>MaDonVi: the asking unit (the province's hub).</summary>
    [Required]
    public string UnitCode { get; set; } = "";

    public virtual IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (UsesToken && (string.IsNullOrWhiteSpace(ClientId) || string.IsNullOrWhiteSpace(ClientSecret)))
        {
            yield return new ValidationResult("ClientId and ClientSecret are required: this dialect asks the platform for a token with them", [nameof(ClientId), nameof(ClientSecret)]);
        }
    }
}
