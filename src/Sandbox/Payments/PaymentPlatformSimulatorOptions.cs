using IntegrationHub.Adapters.Payments.PaymentPlatform;

namespace IntegrationHub.Sandbox.Payments;

public sealed class PaymentPlatformSimulatorOptions
{
    public string PartnerCode { get; set; } = "HAGIANG-SANDBOX";

    public required string HashKey { get; set; }

    public PaymentPlatformMessageTypes MessageTypes { get; set; } = new();

    public PlatformChecksumRecipe Checksum { get; set; } = new();

    /// <summary>The one-stop system's confirm URL (the hub's /payments/dvcqg-payment/callback).</summary>
    public string? ConfirmUrl { get; set; }

    public int MaxConfirmCalls { get; set; } = 5;

    public TimeSpan ConfirmRetryInterval { get; set; } = TimeSpan.FromMinutes(5);
}
