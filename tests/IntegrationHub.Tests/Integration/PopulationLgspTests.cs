namespace IntegrationHub.Tests.Integration;

/// <summary>The population database's SOAP request carried by a VNPT-style provincial LGSP, with the LGSP's own credentials.</summary>
public sealed class PopulationLgspTests : PopulationDialectTests
{
    protected override void ConfigureDialect(Dictionary<string, string?> settings)
    {
        settings["Hub:Adapters:Population:Dialect"] = "LgspSoap";
        settings["Hub:Adapters:Population:Lgsp:AppName"] = "HubHaGiang";
    }

    [Fact]
    public async Task The_health_check_takes_a_token_with_the_lgsps_credentials_and_looks_no_one_up()
    {
        var (exitCode, output) = await Hub.OperatorCommandAsync("health", "population");

        Assert.True(exitCode == 0, output);
        Assert.Equal(1, Hub.Population.LgspTokens);
        Assert.Equal(0, Hub.Population.Lookups);
    }
}
