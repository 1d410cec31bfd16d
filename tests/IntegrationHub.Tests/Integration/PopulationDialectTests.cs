using IntegrationHub.V1;

namespace IntegrationHub.Tests.Integration;

/// <summary>
/// What every dialect of the population database must do, run once per dialect by the classes that
/// derive from this one, each configuring its own.
/// </summary>
public abstract class PopulationDialectTests : HubTest
{
    /// <summary>The dialect's own settings.</summary>
    protected abstract void ConfigureDialect(Dictionary<string, string?> settings);

    protected sealed override void Configure(Dictionary<string, string?> settings)
    {
        settings["Hub:Adapters:Population:C06:ServiceCode"] = "VPCP";
        settings["Hub:Adapters:Population:C06:OfficerId"] = "002090000001";
        ConfigureDialect(settings);
    }

    [Fact]
    public async Task A_citizen_is_found_and_read_with_the_registrys_name_birth_date_sex_and_addresses()
    {
        var citizen = People.Citizen(21);

        var answer = await Hub.Registry.LookupCitizenAsync(People.Lookup(citizen));

        Assert.Equal(LookupOutcome.Found, answer.Outcome);
        Assert.Equal((citizen.HoVaTen, People.BirthDate(citizen)), (answer.Citizen.FullName, answer.Citizen.BirthDate));
        Assert.Equal(citizen.GioiTinh == 2 ? Sex.Female : Sex.Male, answer.Citizen.Sex);
        Assert.Equal((citizen.NoiThuongTru.ChiTiet, citizen.NoiOHienTai.ChiTiet), (answer.Citizen.PermanentAddress, answer.Citizen.CurrentAddress));
        Assert.Equal(1, Hub.Population.Lookups);
    }
}
