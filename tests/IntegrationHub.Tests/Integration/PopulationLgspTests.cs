using IntegrationHub.V1;

namespace IntegrationHub.Tests.Integration;

/// <summary>The population database's SOAP request carried by a VNPT-style provincial LGSP, with the LGSP's own credentials.</summary>
public sealed class PopulationLgspTests : HubTest
{
    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Hub:Adapters:Population:Dialect"] = "LgspSoap";
        settings["Hub:Adapters:Population:Lgsp:AccessKey"] = "sandbox-lgsp";
        settings["Hub:Adapters:Population:Lgsp:SecretKey"] = HubSettings.RegistrySecret;
        settings["Hub:Adapters:Population:Lgsp:AppName"] = "HubHaGiang";
        settings["Hub:Adapters:Population:C06:ServiceCode"] = "VPCP";
        settings["Hub:Adapters:Population:C06:OfficerId"] = "002090000001";
    }

    [Fact]
    public async Task A_citizen_is_looked_up_through_the_lgsp_and_read_from_the_soap_answer_it_carries()
    {
        var citizen = People.Citizen(31);

        var answer = await Hub.Registry.LookupCitizenAsync(People.Lookup(citizen));

        Assert.Equal(LookupOutcome.Found, answer.Outcome);
        Assert.Equal((citizen.HoVaTen, People.BirthDate(citizen), citizen.NoiOHienTai.ChiTiet),
            (answer.Citizen.FullName, answer.Citizen.BirthDate, answer.Citizen.CurrentAddress));
        Assert.Equal(1, Hub.Population.Lookups);
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
