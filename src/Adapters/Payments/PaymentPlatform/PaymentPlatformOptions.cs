using System.ComponentModel.DataAnnotations;

namespace IntegrationHub.Adapters.Payments.PaymentPlatform;

/// <summary>
/// The DVCQG payment platform (PaymentPlatform, reached directly or through the province's LGSP),
/// bound from <c>Hub:Adapters:PaymentPlatform</c>. No public specification exists: paths, message
/// types and the checksum recipe are configuration, to be set from the one issued at onboarding.
/// </summary>
public sealed class PaymentPlatformOptions : PaymentGatewayOptions
{
    public const string SectionName = "Hub:Adapters:PaymentPlatform";

    public string InitPath { get; set; } = "api/v1/payment/init";

    public string QueryPath { get; set; } = "api/v1/payment/status";

    /// <summary>An LGSP's bearer token, when the platform is reached through one.</summary>
    public string? AccessToken { get; set; }

    /// <summary>MaDoiTac: the partner code the platform issued to the province.</summary>
    [Required]
    public string PartnerCode { get; set; } = "";

    /// <summary>The key of MaXacThuc.</summary>
    [Required]
    public string HashKey { get; set; } = "";

    /// <summary>PhienBan: the message version, 1.0.6 in the integrations public material shows.</summary>
    public string Version { get; set; } = "1.0.6";

    /// <summary>LoaiBanTin of each message.</summary>
    public PaymentPlatformMessageTypes MessageTypes { get; set; } = new();

    /// <summary>Which fields MaXacThuc covers, and how.</summary>
    public PlatformChecksumRecipe Checksum { get; set; } = new();

    /// <summary>LoaiHinhThanhToan, MaKenhThanhToan, MaThietBi, NgonNgu, as version 1.0.6 takes them.</summary>
    public string PaymentType { get; set; } = "PAY";
    public string Channel { get; set; } = "1";
    public string Device { get; set; } = "1";
    public string Language { get; set; } = "vi-VN";

    /// <summary>MaDVC, the public service's code, is the procedure code with this suffix (Thanh Hóa's system adds .01).</summary>
    public string ServiceCodeSuffix { get; set; } = ".01";

    /// <summary>The account each agency's fees are paid into (TKThuHuong...), by agency code; <c>*</c> for any other.</summary>
    public Dictionary<string, BeneficiaryAccount> Beneficiaries { get; set; } = [];
}

public sealed class PaymentPlatformMessageTypes
{
    public string Init { get; set; } = "1";
    public string Confirm { get; set; } = "2";
    public string Query { get; set; } = "3";
}

/// <summary>TKThuHuong, MaNHThuHuong, TenTKThuHuong: the account the receipt names.</summary>
public sealed class BeneficiaryAccount
{
    [Required]
    public string Account { get; set; } = "";

    [Required]
    public string BankCode { get; set; } = "";

    [Required]
    public string AccountName { get; set; } = "";
}
