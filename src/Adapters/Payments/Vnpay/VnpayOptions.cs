using System.ComponentModel.DataAnnotations;

namespace IntegrationHub.Adapters.Payments.Vnpay;

/// <summary>A VNPAY merchant terminal (API 2.1.0), bound from <c>Hub:Adapters:Vnpay</c>.</summary>
public sealed class VnpayOptions : PaymentGatewayOptions
{
    public const string SectionName = "Hub:Adapters:Vnpay";

    /// <summary>The payment page the citizen is sent to (vpcpay.html).</summary>
    [Required]
    public Uri? PayUrl { get; set; }

    public string TransactionPath { get; set; } = "merchant_webapi/api/transaction";

    /// <summary>vnp_TmnCode: the terminal code VNPAY issued.</summary>
    [Required]
    public string TmnCode { get; set; } = "";

    /// <summary>The secret of vnp_SecureHash (HMAC-SHA512).</summary>
    [Required]
    public string HashSecret { get; set; } = "";

    /// <summary>vnp_ReturnUrl: where the citizen's browser comes back to (display only).</summary>
    [Required]
    public string ReturnUrl { get; set; } = "";

    /// <summary>vnp_OrderType from VNPAY's category table.</summary>
    public string OrderType { get; set; } = "billpayment";

    public string Locale { get; set; } = "vn";

    /// <summary>vnp_IpAddr of querydr calls: the hub's own address as VNPAY sees it.</summary>
    public string ServerIp { get; set; } = "127.0.0.1";
}
