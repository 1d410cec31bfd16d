namespace IntegrationHub.Sandbox.Payments;

public sealed class VnpaySimulatorOptions
{
    public string TmnCode { get; set; } = "HUBSANDB";

    public required string HashSecret { get; set; }

    /// <summary>The merchant's IPN URL, as registered in VNPAY's merchant portal (the hub's /payments/vnpay/callback).</summary>
    public string? IpnUrl { get; set; }

    /// <summary>VNPAY calls an IPN at most 10 times, 5 minutes apart, until it answers 00 or 02.</summary>
    public int MaxIpnCalls { get; set; } = 10;

    public TimeSpan IpnRetryInterval { get; set; } = TimeSpan.FromMinutes(5);
}
