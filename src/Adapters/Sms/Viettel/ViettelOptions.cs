using System.ComponentModel.DataAnnotations;

namespace IntegrationHub.Adapters.Sms.Viettel;

/// <summary>A Viettel SMS Brandname account (SOAP wsCpMt), bound from <c>Hub:Adapters:Sms:Viettel</c>.</summary>
public sealed class ViettelOptions : SmsProviderOptions
{
    public string Path { get; set; } = "bulkapi";

    [Required]
    public string User { get; set; } = "";

    [Required]
    public string Password { get; set; } = "";

    [Required]
    public string CpCode { get; set; } = "";

    /// <summary>Viettel takes at most 480 characters per MT.</summary>
    public int MaxLength { get; set; } = 480;
}
