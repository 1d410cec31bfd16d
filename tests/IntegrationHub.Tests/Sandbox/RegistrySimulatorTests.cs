using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IntegrationHub.Adapters.Registries;
using IntegrationHub.Sandbox.Registries;

namespace IntegrationHub.Tests.Sandbox;

/// <summary>The simulated population and enterprise databases answer as registries.md says.</summary>
public sealed class RegistrySimulatorTests : IDisposable
{
    private static readonly RegistryDataSet Data = new();
    private static readonly RegistrySimulatorOptions Options = new() { ClientSecret = "registry-secret" };
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

        Assert.Equal(RegistrySimulator.Codes.Found, (string?)answer["MaKetQua"]);
        Assert.Equal(citizen.HoVaTen, (string?)answer["CongDan"]!["HoVaTen"]);
        Assert.Equal(citizen.NoiThuongTru.ChiTiet, (string?)answer["CongDan"]!["NoiThuongTru"]!["ChiTiet"]);
    }

    [Fact]
    public async Task A_known_number_with_another_birth_date_is_not_matching_and_reveals_nothing()
    {
        var citizen = Data.Citizens[7];

        var answer = await LookupCitizenAsync(citizen.SoDinhDanh, citizen.HoVaTen, "19000101");

        Assert.Equal(RegistrySimulator.Codes.NotMatching, (string?)answer["MaKetQua"]);
        Assert.Null(answer["CongDan"]);
    }

    [Fact]
    public async Task A_well_formed_number_nobody_holds_is_not_found()
    {
        var answer = await LookupCitizenAsync("002199999999", "Nguyễn Văn An", "1999");

        Assert.Equal(RegistrySimulator.Codes.NotFound, (string?)answer["MaKetQua"]);
    }

    [Fact]
    public async Task A_lookup_without_a_platform_token_is_refused()
    {
        var response = await Http.PostAsJsonAsync($"{_population.Url}{Options.PopulationPath}", new { SoDinhDanh = Data.Citizens[0].SoDinhDanh });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_registry_that_is_down_answers_500_to_token_and_lookup_alike_and_counts_no_lookup()
    {
        _population.Faults.Down = true;

        var token = await Http.PostAsync($"{_population.Url}{Options.TokenPath}", new FormUrlEncodedContent([]));
        var lookup = await Http.PostAsJsonAsync($"{_population.Url}{Options.PopulationPath}", new { SoDinhDanh = Data.Citizens[0].SoDinhDanh });

        Assert.Equal((HttpStatusCode.InternalServerError, HttpStatusCode.InternalServerError), (token.StatusCode, lookup.StatusCode));
        Assert.Equal(0, _population.Lookups);
    }

    [Fact]
    public async Task An_enterprise_is_found_by_its_code_and_a_branch_by_its_parents()
    {
        var enterprise = Data.Enterprises[3];

        var parent = await LookupEnterpriseAsync(enterprise.MaSoDoanhNghiep);
        var branch = await LookupEnterpriseAsync(enterprise.MaSoDoanhNghiep + "001");
        var unknown = await LookupEnterpriseAsync("0100109106");

        Assert.Equal(enterprise.TenDoanhNghiep, (string?)parent["DoanhNghiep"]!["TenDoanhNghiep"]);
        Assert.Equal(RegistrySimulator.Codes.Found, (string?)branch["MaKetQua"]);
        Assert.Equal(RegistrySimulator.Codes.NotFound, (string?)unknown["MaKetQua"]);
        Assert.Equal(3, _enterprises.Lookups);
    }

    public void Dispose()
    {
        _population.Dispose();
        _enterprises.Dispose();
    }

    private async Task<JsonObject> LookupCitizenAsync(string number, string name, string born) =>
        await ReadAsync(await PostAsync(_population, Options.PopulationPath, new JsonObject
        {
            ["MaYeuCau"] = Guid.NewGuid().ToString(), ["MaDonVi"] = "000.00.01.H22", ["MaCanBo"] = "justice-system", ["MucDich"] = "1.000894",
            ["SoDinhDanh"] = number, ["HoVaTen"] = name, ["NgaySinh"] = born,
        }));

    private async Task<JsonObject> LookupEnterpriseAsync(string code) =>
        await ReadAsync(await PostAsync(_enterprises, Options.EnterprisePath, new JsonObject
        {
            ["MaYeuCau"] = Guid.NewGuid().ToString(), ["MaDonVi"] = "000.00.01.H22", ["MucDich"] = "1.000894", ["MaSoDoanhNghiep"] = code,
        }));

    private static async Task<HttpResponseMessage> PostAsync(RegistrySimulator registry, string path, JsonObject body)
    {
        var token = await Http.PostAsync($"{registry.Url}{Options.TokenPath}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = Options.ClientId, ["client_secret"] = Options.ClientSecret,
        }));
        var accessToken = (string)(await ReadAsync(token))["access_token"]!;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{registry.Url}{path}") { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return await Http.SendAsync(request);
    }

    private static async Task<JsonObject> ReadAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }
}
