using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using IntegrationHub.Adapters.Registries;
using IntegrationHub.Sandbox.Registries;

namespace IntegrationHub.Tests.Sandbox;

/// <summary>The simulated population and enterprise databases answer in their services' own forms.</summary>
public sealed class RegistrySimulatorTests : IDisposable
{
    private static readonly RegistryDataSet Data = new();
    private static readonly RegistrySimulatorOptions Options = new() { ClientSecret = "registry-secret" };
    private static readonly C06SimulatorOptions C06 = new() { SecretKey = "registry-secret" };
    private static readonly XNamespace Dancu = "http://www.mic.gov.vn/dancu/1.0";
    private static readonly HttpClient Http = new();
    private readonly RegistrySimulator _population = RegistrySimulator.StartPopulation(Data, Options);
    private readonly RegistrySimulator _enterprises = RegistrySimulator.StartEnterprise(Data, Options);

    [Fact]
    public void The_data_set_holds_ten_thousand_citizens_whose_numbers_follow_the_cccd_rules()
    {
        Assert.Equal(10_000, Data.Citizens.Count);
        Assert.Equal(10_000, Data.Citizens.Select(c => c.SoDinhDanh).Distinct().Count());
        Assert.All(Data.Citizens, c =>
        {
            Assert.Null(CitizenIdNumber.Problem(c.SoDinhDanh, int.Parse(c.NgaySinh[..4])));
            Assert.Equal(c.GioiTinh == 2, CitizenIdNumber.IsFemale(c.SoDinhDanh));
        });
    }

    [Fact]
    public void The_data_set_holds_a_thousand_enterprises_with_valid_tax_codes()
    {
        Assert.Equal(1_000, Data.Enterprises.Select(e => e.MaSoDoanhNghiep).Distinct().Count());
        Assert.All(Data.Enterprises, e => Assert.True(EnterpriseCode.IsValid(e.MaSoDoanhNghiep), e.MaSoDoanhNghiep));
    }

    [Fact]
    public async Task A_citizen_is_found_when_number_name_and_birth_date_match_whatever_the_names_case_and_spacing()
    {
        var citizen = Data.Citizens[42];

        var answer = await LookupCitizenAsync(citizen.SoDinhDanh, "  " + citizen.HoVaTen.ToLowerInvariant().Replace(" ", "  "), citizen.NgaySinh);

        Assert.Equal(0, (int?)answer["error_code"]);
        var found = Collection(answer).Element(Dancu + "CongDan")!;
        Assert.Equal(citizen.HoVaTen, found.Element(Dancu + "HoVaTen")!.Element(Dancu + "Ten")!.Value);
        Assert.Equal(citizen.NoiThuongTru.ChiTiet, found.Element(Dancu + "ThuongTru")!.Element(Dancu + "ChiTiet")!.Value);
    }

    [Fact]
    public async Task A_known_number_with_another_birth_date_is_answered_with_no_citizen_and_reveals_nothing()
    {
        var citizen = Data.Citizens[7];

        var answer = await LookupCitizenAsync(citizen.SoDinhDanh, citizen.HoVaTen, "19000101");

        Assert.Equal(("0", null), ((string?)Collection(answer).Attribute("SoCongDan"), Collection(answer).Element(Dancu + "CongDan")));
        Assert.DoesNotContain(citizen.HoVaTen, (string)answer["message"]!);
    }

    [Fact]
    public async Task A_well_formed_number_nobody_holds_is_answered_with_no_citizen()
    {
        var answer = await LookupCitizenAsync("002199999999", "Nguyễn Văn An", "1999");

        Assert.Null(Collection(answer).Element(Dancu + "CongDan"));
        Assert.Equal(1, _population.Lookups);
    }

    [Fact]
    public async Task A_request_without_the_officer_with_another_integration_code_or_with_a_field_the_proxy_does_not_know_is_refused_and_not_counted()
    {
        var citizen = Data.Citizens[9];
        var body = CitizenRequest(citizen.SoDinhDanh, citizen.HoVaTen, citizen.NgaySinh);
        body.Remove("MaCanBo");
        var otherCode = CitizenRequest(citizen.SoDinhDanh, citizen.HoVaTen, citizen.NgaySinh);
        otherCode["MaTichHop"] = "033";
        var unknownField = CitizenRequest(citizen.SoDinhDanh, citizen.HoVaTen, citizen.NgaySinh);
        unknownField["NgaySinh"] = citizen.NgaySinh;

        var answers = await Task.WhenAll(new[] { body, otherCode, unknownField }.Select(async request => await ReadAsync(await PostAsync(_population, C06.JsonProxyPath, request))));

        Assert.All(answers, answer => Assert.Equal(1, (int?)answer["error_code"]));
        Assert.Equal(0, _population.Lookups);
    }

    [Fact]
    public async Task A_lookup_without_a_platform_token_is_refused()
    {
        var response = await Http.PostAsJsonAsync($"{_population.Url}{C06.JsonProxyPath}", CitizenRequest(Data.Citizens[0].SoDinhDanh, "X", "2000"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_registry_that_is_down_answers_500_to_token_and_lookup_alike_and_counts_no_lookup()
    {
        _population.Faults.Down = true;

        var token = await Http.PostAsync($"{_population.Url}{Options.TokenPath}", new FormUrlEncodedContent([]));
        var lookup = await Http.PostAsJsonAsync($"{_population.Url}{C06.JsonProxyPath}", CitizenRequest(Data.Citizens[0].SoDinhDanh, "X", "2000"));

        Assert.Equal((HttpStatusCode.InternalServerError, HttpStatusCode.InternalServerError), (token.StatusCode, lookup.StatusCode));
        Assert.Equal(0, _population.Lookups);
    }

    [Fact]
    public async Task An_enterprise_is_found_by_its_code_and_a_branch_by_its_parents_in_each_of_the_three_forms()
    {
        var enterprise = Data.Enterprises[3];

        var ngsp = await Task.WhenAll(new[] { enterprise.MaSoDoanhNghiep, enterprise.MaSoDoanhNghiep + "001", "0100109106" }
            .Select(code => GetAsync(Options.NgspPath, "msdn", code)));
        var hcm = await Task.WhenAll(new[] { enterprise.MaSoDoanhNghiep + "001", "0100109106" }.Select(code => GetAsync(Options.HcmPath, "MaSoDoanhNghiep", code)));
        var thanhHoa = await Task.WhenAll(new[] { enterprise.MaSoDoanhNghiep + "001", "0100109106" }.Select(code => GetAsync(Options.ThanhHoaPath, "msdn", code)));

        Assert.Equal(enterprise.TenDoanhNghiep, (string?)ngsp[0]["Data"]!["MainInformation"]!["NAME"]);
        Assert.Equal((enterprise.MaSoDoanhNghiep, 0), ((string?)ngsp[1]["Data"]!["MainInformation"]!["ENTERPRISE_GDT_CODE"], (int?)ngsp[2]["DataCount"]));
        Assert.Equal((enterprise.TenDoanhNghiep, null), ((string?)hcm[0]["ResultObject"]!["NAME"], hcm[1]["ResultObject"]));
        Assert.Equal((enterprise.TenDoanhNghiep, 0), ((string?)thanhHoa[0]["GetEntCert"]![0]!["TenTiengViet"], thanhHoa[1]["GetEntCert"]!.AsArray().Count));
        Assert.Equal(7, _enterprises.Lookups);
    }

    public void Dispose()
    {
        _population.Dispose();
        _enterprises.Dispose();
    }

    private async Task<JsonObject> LookupCitizenAsync(string number, string name, string born) =>
        await ReadAsync(await PostAsync(_population, C06.JsonProxyPath, CitizenRequest(number, name, born)));

    /// <summary>The JSON proxy's form of C06's request: a 12-digit number, a full birth date or a year.</summary>
    private static JsonObject CitizenRequest(string number, string name, string born) => new()
    {
        ["HoVaTen"] = name, ["SoDinhDanh"] = number, ["SoCMND"] = "", ["NgayThangNam"] = born.Length == 8 ? born : "", ["Nam"] = born.Length == 4 ? born : "",
        ["MaTichHop"] = "037", ["MaDVC"] = "VPCP", ["MaCanBo"] = "002090000001", ["MaYeuCau"] = Guid.NewGuid().ToString("N"),
    };

    private static XElement Collection(JsonObject answer) =>
        XDocument.Parse((string)answer["message"]!).Descendants(Dancu + "CongdanCollection").Single();

    private async Task<JsonObject> GetAsync(string path, string parameter, string code)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{_enterprises.Url}{path}?{parameter}={code}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(_enterprises));
        return await ReadAsync(await Http.SendAsync(request));
    }

    private static async Task<string> TokenAsync(RegistrySimulator registry)
    {
        var token = await Http.PostAsync($"{registry.Url}{Options.TokenPath}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = Options.ClientId, ["client_secret"] = Options.ClientSecret,
        }));
        return (string)(await ReadAsync(token))["access_token"]!;
    }

    private static async Task<HttpResponseMessage> PostAsync(RegistrySimulator registry, string path, JsonObject body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{registry.Url}{path}") { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(registry));
        return await Http.SendAsync(request);
    }

    private static async Task<JsonObject> ReadAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }
}
