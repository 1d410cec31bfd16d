namespace IntegrationHub.Hub.Payments;

/// <summary>Which gateway takes whose fees, and the timing of payments; bound from <c>Hub:Payments</c>.</summary>
public sealed class PaymentOptions
{
    public const string SectionName = "Hub:Payments";

    /// <summary>The gateway of procedures and agencies not named below, e.g. <c>vnpay</c>; none: level-4 fees are refused.</summary>
    public string? DefaultGateway { get; set; }

    /// <summary>Gateway by agency code.</summary>
    public Dictionary<string, string> AgencyGateways { get; set; } = [];

    /// <summary>Gateway by procedure code; wins over the agency's.</summary>
    public Dictionary<string, string> ProcedureGateways { get; set; } = [];

    /// <summary>How long the applicant has to pay (the gateway's page expires then).</summary>
    public TimeSpan PaymentWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// A payment still unpaid this long after its window is expired. VNPAY retries a callback for up to
    /// 50 minutes, so an hour keeps a late callback from meeting an expired payment.
    /// </summary>
    public TimeSpan ExpiryGrace { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A pending payment older than this is asked about at its gateway.</summary>
    public TimeSpan ReconcileAfter { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The payer's address sent to gateways when the agency does not give one.</summary>
    public string DefaultPayerIp { get; set; } = "127.0.0.1";
}
