namespace IntegrationHub.Sandbox.Sms;

/// <summary>The account a simulated provider accepts: eSMS ApiKey/SecretKey, or Viettel User/Password.</summary>
public sealed class SmsSimulatorOptions
{
    public string Username { get; set; } = "sandbox";

    public required string Secret { get; set; }
}
