namespace IntegrationHub.Adapters.Registries;

/// <summary>The national enterprise registration database, bound from <c>Hub:Adapters:Enterprise</c>.</summary>
public sealed class EnterpriseOptions : RegistryOptions
{
    public const string SectionName = "Hub:Adapters:Enterprise";

    // The NGSP guide asks the enterprise service's token with HTTP Basic.
    public EnterpriseOptions() => TokenCredentials = TokenCredentials.Basic;

    public EnterpriseDialect Dialect { get; set; } = EnterpriseDialect.Ngsp;

    /// <summary>The NGSP/LGSP detail service, called as <c>GET NgspPath?msdn=code</c>.</summary>
    public string NgspPath { get; set; } = "apiCSDLDKDN/chiTietDoanhNghiep";

    /// <summary>Hồ Chí Minh City's LGSP look-up, called as <c>GET HcmPath?MaSoDoanhNghiep=code</c>.</summary>
    public string HcmPath { get; set; } = "TraCuuThongTinDoanhNghiep";

    /// <summary>Thanh Hóa's ĐKKD service, called as <c>GET ThanhHoaPath?msdn=code</c>.</summary>
    public string ThanhHoaPath { get; set; } = "apiDKKD/DoanhNghiep/chiTietDoanhNghiep";
}
