using System.ComponentModel.DataAnnotations;

namespace IntegrationHub.Adapters.Sms.Esms;

/// <summary>An eSMS.vn account (SendMultipleMessage_V4, JSON), bound from <c>Hub:Adapters:Sms:Esms</c>.</summary>
public sealed class EsmsOptions : SmsProviderOptions
{
    public string SendPath { get; set; } = "MainService.svc/json/SendMultipleMessage_V4_post_json/";

    /// <summary>GetSendStatus: a message's delivery, by SMSID, for the last 7 days.</summary>
    public string StatusPath { get; set; } = "MainService.svc/json/GetSendStatus";

    public string BalancePath { get; set; } = "MainService.svc/json/GetBalance_json";

    [Required]
    public string ApiKey { get; set; } = "";

    [Required]
    public string SecretKey { get; set; } = "";

    /// <summary>SmsType: 2 = customer care through the brandname (notices are never marketing).</summary>
    public string SmsType { get; set; } = "2";

    /// <summary>Where eSMS sends delivery reports (the hub's /sms/esms/report/{Hub:Notices:ReportSecret}); none: no reports.</summary>
    public string? CallbackUrl { get; set; }
}
