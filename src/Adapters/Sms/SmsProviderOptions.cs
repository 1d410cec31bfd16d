using System.ComponentModel.DataAnnotations;
using IntegrationHub.Adapters.Resilience;

namespace IntegrationHub.Adapters.Sms;

/// <summary>What every SMS provider is configured with, beside its own credentials.</summary>
public abstract class SmsProviderOptions : AdapterResilienceOptions
{
    protected SmsProviderOptions()
    {
        // A send is not idempotent at every provider: the pipeline must not repeat one on its own.
        MaxRetries = 0;
    }

    [Required]
    public Uri? BaseUrl { get; set; }

    /// <summary>Providers are tried in ascending priority.</summary>
    public int Priority { get; set; }

    /// <summary>Send Vietnamese without diacritics (GSM-7: 160 characters per SMS instead of 70).</summary>
    public bool WithoutDiacritics { get; set; } = true;

    /// <summary>The registered sender name.</summary>
    [Required]
    public string Brandname { get; set; } = "";
}
