using IntegrationHub.Hub.Security;

namespace IntegrationHub.Tests.Infrastructure;

/// <summary>Two agencies of a province, each with its own agency system and API key, and an operator.</summary>
public static class TestAgencies
{
    public const string JusticeCode = "000.00.01.H22";
    public const string JusticeName = "Sở Tư pháp tỉnh Hà Giang";
    public const string ConstructionCode = "000.00.02.H22";
    public const string ConstructionName = "Sở Xây dựng tỉnh Hà Giang";
    public const string PortalUnitCode = "000.00.00.H22";

    public static readonly string JusticeKey = "justice-" + Guid.NewGuid().ToString("N");
    public static readonly string ConstructionKey = "construction-" + Guid.NewGuid().ToString("N");
    public static readonly string OperatorKey = "operator-" + Guid.NewGuid().ToString("N");

    public static IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("Hub:Access:Agencies:0:Code", JusticeCode),
        new("Hub:Access:Agencies:0:Name", JusticeName),
        new("Hub:Access:Agencies:1:Code", ConstructionCode),
        new("Hub:Access:Agencies:1:Name", ConstructionName),
        new("Hub:Access:Clients:0:Id", "justice-system"),
        new("Hub:Access:Clients:0:ApiKeySha256", AgencyDirectory.HashKey(JusticeKey)),
        new("Hub:Access:Clients:0:Agencies:0", JusticeCode),
        new("Hub:Access:Clients:1:Id", "construction-system"),
        new("Hub:Access:Clients:1:ApiKeySha256", AgencyDirectory.HashKey(ConstructionKey)),
        new("Hub:Access:Clients:1:Agencies:0", ConstructionCode),
        new("Hub:Access:Operators:0:Id", "night-operator"),
        new("Hub:Access:Operators:0:ApiKeySha256", AgencyDirectory.HashKey(OperatorKey)),
    ];
}
