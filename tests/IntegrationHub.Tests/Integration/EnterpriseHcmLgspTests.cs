namespace IntegrationHub.Tests.Integration;

/// <summary>Hồ Chí Minh City's LGSP, its fields flattened in ResultObject.</summary>
public sealed class EnterpriseHcmLgspTests : EnterpriseDialectTests
{
    protected override string Dialect => "HcmLgsp";
}
