using System.ComponentModel.DataAnnotations;

namespace IntegrationHub.Adapters.Sms.SpeedSms;

/// <summary>A SpeedSMS.vn account (JSON API, HTTP Basic with the access token), bound from <c>Hub:Adapters:Sms:SpeedSms</c>.</summary>
public sealed class SpeedSmsOptions : SmsProviderOptions
{
    public string SendPath { get; set; } = "index.php/sms/send";

    /// <summary>A transaction's delivery: <c>GET sms/status/&lt;tranId&gt;</c>.</summary>
    public string StatusPath { get; set; } = "sms/status";

    /// <summary>The account and its balance: the health check.</summary>
    public string UserInfoPath { get; set; } = "index.php/user/info";

    /// <summary>The API access token, sent as the Basic user name with the password <c>x</c>.</summary>
    [Required]
    public string AccessToken { get; set; } = "";

    /// <summary>sms_type 3: sent under the registered brandname (<see cref="SmsProviderOptions.Brandname"/> as sender).</summary>
    public int SmsType { get; set; } = 3;

    /// <summary>SpeedSMS takes one SMS per message (160 GSM-7 or 70 Unicode characters); a longer text is refused here, for another provider.</summary>
    [Range(1, 10)]
    public int MaxSegments { get; set; } = 1;
}
