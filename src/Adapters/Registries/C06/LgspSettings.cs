using System.Text;
using System.Text.Json;

namespace IntegrationHub.Adapters.Registries.C06;

/// <summary>A VNPT-style provincial LGSP in front of the population database: <c>Hub:Adapters:Population:Lgsp</c>.</summary>
public sealed class LgspSettings
{
    /// <summary>Where the wrapped SOAP request is POSTed.</summary>
    public string Path { get; set; } = "lgsp/dancu/TraCuuThongTinCongDan";

    public string AccessKey { get; set; } = "";
    public string SecretKey { get; set; } = "";
    public string AppName { get; set; } = "";
    public string PartnerCode { get; set; } = "";
    public string PartnerCodeCus { get; set; } = "";

    /// <summary><c>lgspaccesstoken</c>: the LGSP's credentials as base64 of a JSON object.</summary>
    public string AccessHeader() => Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new Dictionary<string, string>
    {
        ["AccessKey"] = AccessKey,
        ["SecretKey"] = SecretKey,
        ["AppName"] = AppName,
        ["PartnerCode"] = PartnerCode,
        ["PartnerCodeCus"] = PartnerCodeCus,
    })));
}
