using System.ComponentModel.DataAnnotations;
using IntegrationHub.Adapters.Resilience;

namespace IntegrationHub.Adapters.Payments;

/// <summary>What every payment gateway is configured with, beside its own keys.</summary>
public abstract class PaymentGatewayOptions : AdapterResilienceOptions
{
    /// <summary>Base of the gateway's server-to-server API.</summary>
    [Required]
    public Uri? ApiUrl { get; set; }
}
