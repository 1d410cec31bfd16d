using Grpc.Core;
using IntegrationHub.V1;

namespace IntegrationHub.Tests.Integration;

/// <summary>
/// What every dialect of the population database must do, run once per dialect by the classes that
/// derive from this one, each configuring its own (the simulator declares every dialect's account).
/// </summary>
public abstract class PopulationDialectTests : HubTest
{
    /// <summary>The dialect's own settings.</summary>
    protected abstract void ConfigureDialect(Dictionary<string, string?> settings);

    protected sealed override void Configure(Dictionary<string, string?> settings) => ConfigureDialect(settings);

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

    [Fact]
    public async Task A_name_that_does_not_go_with_the_number_is_not_found_since_c06_answers_no_citizen()
    {
        var lookup = People.Lookup(People.Citizen(23));
        lookup.FullName = "Nguyễn Văn Không Khớp";

        var error = await Assert.ThrowsAsync<RpcException>(() => Hub.Registry.LookupCitizenAsync(lookup).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Equal(1, Hub.Population.Lookups);
    }
}
