namespace IntegrationHub.Tests.Integration;

/// <summary>C06's request as JSON through a provincial proxy (Thanh Hóa's form), answered with C06's SOAP in <c>{error_code, message}</c>.</summary>
public sealed class PopulationJsonProxyTests : PopulationDialectTests
{
    protected override void ConfigureDialect(Dictionary<string, string?> settings) => settings["Hub:Adapters:Population:Dialect"] = "JsonProxy";

    [Fact]
    public async Task The_health_check_takes_a_platform_token_with_the_credentials_in_the_form_and_looks_no_one_up()
    {
        var (exitCode, output) = await Hub.OperatorCommandAsync("health", "population");

        Assert.True(exitCode == 0, output);
        Assert.Equal((0, 0), (Hub.Population.LgspTokens, Hub.Population.BasicTokens));
        Assert.Equal(0, Hub.Population.Lookups);
    }
}
