namespace IntegrationHub.Tests.Integration;

/// <summary>Thanh Hóa's ĐKKD service, GetEntCert in Vietnamese field names.</summary>
public sealed class EnterpriseThanhHoaTests : EnterpriseDialectTests
{
    protected override string Dialect => "ThanhHoaDkkd";
}
