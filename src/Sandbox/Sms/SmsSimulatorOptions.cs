namespace IntegrationHub.Sandbox.Sms;

/// <summary>The account a simulated provider accepts (eSMS ApiKey/SecretKey, Viettel User/Password, SpeedSMS's access token) and the hub's order of providers.</summary>
public sealed class SmsSimulatorOptions
{
    public string Username { get; set; } = "sandbox";

    /// <summary>eSMS SecretKey, Viettel Password, SpeedSMS access token.</summary>
    public required string Secret { get; set; }

    /// <summary>The registered brandname the provider accepts.</summary>
    public string Brandname { get; set; } = "UBND.HAGIANG";

    /// <summary>Viettel's CPCode of the account.</summary>
    public string CpCode { get; set; } = "HAGIANG";

    /// <summary>Where the hub tries this provider among the others (ascending).</summary>
    public int Priority { get; set; } = 1;

    /// <summary>A provider that reports to a URL registered once (SpeedSMS) rather than per message: the hub's report URL.</summary>
    public string? ReportUrl { get; set; }
}
