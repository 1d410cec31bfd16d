using IntegrationHub.Adapters.Health;
using IntegrationHub.Adapters.Registries;
using IntegrationHub.Sandbox.Registries;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Tests.Adapters;

/// <summary>The population and enterprise adapters, in their default dialects (C06 directly, NGSP), against the simulated registries.</summary>
public sealed class RegistryAdapterTests : IDisposable
{
    private static readonly RegistryDataSet Data = new(citizens: 200, enterprises: 10);
    private const string Secret = "registry-secret";
    private readonly RegistrySimulator _registry = RegistrySimulator.StartPopulation(Data, new RegistrySimulatorOptions { ClientSecret = Secret });
    private readonly RegistrySimulator _enterprises = RegistrySimulator.StartEnterprise(Data, new RegistrySimulatorOptions { ClientSecret = Secret });
    private readonly ServiceProvider _services;

    public RegistryAdapterTests() => _services = Services(Secret);

    [Fact]
    public async Task A_citizen_whose_name_and_birth_date_match_is_found_with_the_registrys_record()
    {
        var citizen = Data.Citizens[5];

        var lookup = await Registry.VerifyAsync(Query(citizen.SoDinhDanh, citizen.HoVaTen, citizen.NgaySinh), CancellationToken.None);

        Assert.Equal(LookupStatus.Found, lookup.Status);
        Assert.Equal((citizen.HoVaTen, citizen.NgaySinh, citizen.GioiTinh == 2 ? Sex.Female : Sex.Male), (lookup.Citizen!.FullName, lookup.Citizen.BirthDate, lookup.Citizen.Sex));
        Assert.Equal(citizen.NoiThuongTru.ChiTiet, lookup.Citizen.PermanentAddress!.Detail);
        Assert.Equal(citizen.NoiOHienTai.MaTinh, lookup.Citizen.CurrentAddress!.ProvinceCode);
    }

    [Fact]
    public async Task A_known_number_with_another_name_is_not_found_and_nothing_of_the_citizen_is_given()
    {
        var citizen = Data.Citizens[6];

        var lookup = await Registry.VerifyAsync(Query(citizen.SoDinhDanh, "Tên Khác Hẳn", citizen.NgaySinh), CancellationToken.None);

        Assert.Equal(new CitizenLookup(LookupStatus.NotFound, null), lookup);
        Assert.Equal(1, _registry.Lookups);
    }

    [Fact]
    public async Task A_number_nobody_holds_is_not_found()
    {
        var lookup = await Registry.VerifyAsync(Query("002199999999", "Nguyễn Văn An", "1999"), CancellationToken.None);

        Assert.Equal(LookupStatus.NotFound, lookup.Status);
    }

    [Fact]
    public async Task A_token_the_platform_no_longer_accepts_is_renewed_and_the_lookup_goes_through()
    {
        var enterprise = Data.Enterprises[8];
        await Enterprises.LookupAsync(new EnterpriseQuery(enterprise.MaSoDoanhNghiep, "justice-system", "1.000894"), CancellationToken.None);
        _enterprises.ExpireTokens();

        var lookup = await Enterprises.LookupAsync(new EnterpriseQuery(enterprise.MaSoDoanhNghiep, "justice-system", "1.000894"), CancellationToken.None);

        Assert.Equal(LookupStatus.Found, lookup.Status);
        Assert.Equal(2, _enterprises.Lookups);
    }

    [Fact]
    public async Task A_registry_that_is_down_is_a_fault_the_caller_can_report_as_unavailable()
    {
        _registry.Faults.Down = true;

        var fault = await Assert.ThrowsAsync<RegistryFaultException>(() => Registry.VerifyAsync(Query(Data.Citizens[0].SoDinhDanh, "X", "2000"), CancellationToken.None));

        Assert.Equal("HTTP 500", fault.Message);
    }

    [Fact]
    public async Task The_probes_pass_with_good_credentials_and_fail_with_wrong_ones()
    {
        using var wrong = Services("not-the-secret");

        foreach (var probe in _services.GetServices<IAdapterProbe>())
        {
            await probe.ProbeAsync(CancellationToken.None);
        }
        var refused = await Assert.ThrowsAsync<AdapterProbeException>(() => Probe(wrong, "enterprise").ProbeAsync(CancellationToken.None));
        var unsigned = await Assert.ThrowsAsync<AdapterProbeException>(() => Probe(wrong, "population").ProbeAsync(CancellationToken.None));

        Assert.Equal(["enterprise", "population"], _services.GetServices<IAdapterProbe>().Select(p => p.Name).Order());
        Assert.Equal(("token refused: HTTP 401", "HTTP 401"), (refused.Message, unsigned.Message));
    }

    [Fact]
    public async Task An_enterprise_is_found_with_its_representative_and_main_business_line()
    {
        var enterprise = Data.Enterprises[2];

        var lookup = await Enterprises.LookupAsync(new EnterpriseQuery(enterprise.MaSoDoanhNghiep, "justice-system", "1.000894"), CancellationToken.None);

        Assert.Equal(LookupStatus.Found, lookup.Status);
        Assert.Equal((enterprise.TenDoanhNghiep, enterprise.TinhTrangHoatDong, enterprise.VonDieuLe), (lookup.Enterprise!.Name, lookup.Enterprise.OperatingStatus, lookup.Enterprise.CharterCapital));
        Assert.Equal((enterprise.NguoiDaiDienPhapLuat[0].HoVaTen, enterprise.NguoiDaiDienPhapLuat[0].ChucDanh),
            (lookup.Enterprise.LegalRepresentatives.Single().FullName, lookup.Enterprise.LegalRepresentatives.Single().Title));
        Assert.True(lookup.Enterprise.BusinessLines.Single().IsMain);
        Assert.Equal(enterprise.DiaChiTruSo.ChiTiet, lookup.Enterprise.HeadOffice!.Detail);
    }

    [Fact]
    public async Task An_enterprise_code_nobody_registered_is_not_found_and_a_down_registry_is_a_fault()
    {
        var unknown = await Enterprises.LookupAsync(new EnterpriseQuery("0100109106", "justice-system", "1.000894"), CancellationToken.None);
        _enterprises.Faults.Down = true;

        var fault = await Assert.ThrowsAsync<RegistryFaultException>(() => Enterprises.LookupAsync(new EnterpriseQuery("0100109106", "justice-system", "1.000894"), CancellationToken.None));

        Assert.Equal(LookupStatus.NotFound, unknown.Status);
        Assert.Equal("HTTP 500", fault.Message);
    }

    public void Dispose()
    {
        _services.Dispose();
        _registry.Dispose();
        _enterprises.Dispose();
    }

    private IPopulationRegistry Registry => _services.GetRequiredService<IPopulationRegistry>();

    private IEnterpriseRegistry Enterprises => _services.GetRequiredService<IEnterpriseRegistry>();

    private static IAdapterProbe Probe(IServiceProvider services, string name) => services.GetServices<IAdapterProbe>().Single(p => p.Name == name);

    private static CitizenQuery Query(string number, string name, string born) => new(number, name, born, "justice-system", "1.000894");

    private ServiceProvider Services(string secret) => new ServiceCollection()
        .AddLogging()
        .AddMetrics()
        .AddRegistries(new ConfigurationBuilder().AddInMemoryCollection(
            Section("Population", _registry.Url, secret).Concat(Section("Enterprise", _enterprises.Url, secret)).Concat(C06(secret))).Build())
        .BuildServiceProvider();

    private Dictionary<string, string?> C06(string secret) => new()
    {
        ["Hub:Adapters:Population:C06:ServiceUrl"] = _registry.C06Url,
        ["Hub:Adapters:Population:C06:Username"] = "sandbox-c06",
        ["Hub:Adapters:Population:C06:SecretKey"] = secret,
        ["Hub:Adapters:Population:C06:OfficerId"] = "002090000001",
    };

    private static Dictionary<string, string?> Section(string name, string url, string secret) => new()
    {
        [$"Hub:Adapters:{name}:BaseUrl"] = url,
        [$"Hub:Adapters:{name}:ClientId"] = "sandbox",
        [$"Hub:Adapters:{name}:ClientSecret"] = secret,
        [$"Hub:Adapters:{name}:UnitCode"] = "000.00.00.H22",
        [$"Hub:Adapters:{name}:MaxRetries"] = "1",
        [$"Hub:Adapters:{name}:RetryDelay"] = "00:00:00.050",
    };
}
