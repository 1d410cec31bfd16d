namespace IntegrationHub.Tests.Integration;

/// <summary>The NGSP/LGSP <c>chiTietDoanhNghiep</c> service (the default), read from its MainInformation, HOAdress and Representatives blocks.</summary>
public sealed class EnterpriseNgspTests : EnterpriseDialectTests
{
    protected override string Dialect => "Ngsp";
}
