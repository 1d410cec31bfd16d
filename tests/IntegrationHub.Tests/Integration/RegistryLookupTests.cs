using System.Diagnostics;
using Grpc.Core;
using RegistryCachePurgeJob = IntegrationHub.Hub.Registries.RegistryCachePurgeJob;
using IntegrationHub.Sandbox.Faults;
using IntegrationHub.V1;

namespace IntegrationHub.Tests.Integration;

/// <summary>RegistryService: lookups in the population and enterprise databases through the hub's cache and access log.</summary>
public sealed class RegistryLookupTests : HubTest
{
    [Fact]
    public async Task A_citizen_lookup_answers_with_the_registrys_data_and_where_it_came_from()
    {
        var citizen = People.Citizen(11);
        var before = DateTimeOffset.UtcNow;

        var answer = await Hub.Registry.LookupCitizenAsync(People.Lookup(citizen));

        Assert.Equal(LookupOutcome.Found, answer.Outcome);
        Assert.Equal(citizen.HoVaTen, answer.Citizen.FullName);
        Assert.Equal(People.BirthDate(citizen), answer.Citizen.BirthDate);
        Assert.Equal(citizen.GioiTinh == 2 ? Sex.Female : Sex.Male, answer.Citizen.Sex);
        Assert.Equal(citizen.NoiThuongTru.ChiTiet, answer.Citizen.PermanentAddress);
        Assert.Equal(citizen.NoiOHienTai.ChiTiet, answer.Citizen.CurrentAddress);
        Assert.Equal("population", answer.Source.Registry);
        Assert.False(answer.Source.FromCache);
        Assert.InRange(answer.Source.FetchedAt.ToDateTimeOffset(), before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal(1, Hub.Population.Lookups);
    }

    [Fact]
    public async Task A_second_lookup_within_the_freshness_window_comes_from_the_cache_without_a_registry_call()
    {
        var citizen = People.Citizen(12);
        var first = await Hub.Registry.LookupCitizenAsync(People.Lookup(citizen));

        var second = await Hub.Registry.LookupCitizenAsync(People.Lookup(citizen));

        Assert.Equal(1, Hub.Population.Lookups);
        Assert.True(second.Source.FromCache);
        Assert.Equal(first.Source.FetchedAt, second.Source.FetchedAt);
        Assert.Equal(first.Citizen, second.Citizen);
    }

    [Fact]
    public async Task The_cache_answers_only_for_the_name_and_birth_date_the_registry_confirmed()
    {
        var citizen = People.Citizen(13);
        await Hub.Registry.LookupCitizenAsync(People.Lookup(citizen));
        var otherName = People.Lookup(citizen);
        otherName.FullName = "Ai Đó Khác";

        var error = await Assert.ThrowsAsync<RpcException>(() => Hub.Registry.LookupCitizenAsync(otherName).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Equal(2, Hub.Population.Lookups);
    }

    [Fact]
    public async Task An_answer_older_than_the_window_is_fetched_again()
    {
        var citizen = People.Citizen(14);
        await Hub.Registry.LookupCitizenAsync(People.Lookup(citizen));
        await TestPostgres.ExecuteAsync(Hub.ConnectionString, "UPDATE registry_cache SET fetched_at = now() - interval '25 hours'");

        var answer = await Hub.Registry.LookupCitizenAsync(People.Lookup(citizen));

        Assert.False(answer.Source.FromCache);
        Assert.Equal(2, Hub.Population.Lookups);
    }

    [Fact]
    public async Task The_purge_job_deletes_stale_answers_and_keeps_fresh_ones()
    {
        await Hub.Registry.LookupCitizenAsync(People.Lookup(People.Citizen(15)));
        await Hub.Registry.LookupEnterpriseAsync(People.Lookup(People.Enterprise(15)));
        await TestPostgres.ExecuteAsync(Hub.ConnectionString, "UPDATE registry_cache SET fetched_at = now() - interval '25 hours' WHERE registry = 'population'");

        await Hub.RunOnceAsync(RegistryCachePurgeJob.Key);

        await Eventually.HoldsAsync(
            async () => await TestPostgres.ScalarAsync<long>(Hub.ConnectionString, "SELECT count(*) FROM registry_cache WHERE registry = 'population'") == 0,
            TimeSpan.FromSeconds(10), "the stale answer purged");
        Assert.Equal(1, await TestPostgres.ScalarAsync<long>(Hub.ConnectionString, "SELECT count(*) FROM registry_cache WHERE registry = 'enterprise'"));
    }

    [Fact]
    public async Task The_cache_keeps_only_what_an_applicant_needs()
    {
        var citizen = People.Citizen(16);
        await Hub.Registry.LookupCitizenAsync(People.Lookup(citizen));

        var kept = await TestPostgres.ScalarAsync<string>(Hub.ConnectionString, "SELECT record::text FROM registry_cache");

        Assert.DoesNotContain(citizen.DanToc, kept);
        Assert.DoesNotContain(citizen.QueQuan.ChiTiet, kept);
        Assert.DoesNotContain("religion", kept, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(citizen.NoiThuongTru.ChiTiet, kept);
    }

    [Fact]
    public async Task A_known_number_with_another_birth_date_is_not_found_as_c06_answers_it_and_nothing_of_the_citizen_is_told()
    {
        var request = People.Lookup(People.Citizen(17));
        request.BirthDate = request.BirthDate[..4] + "-01-01" == request.BirthDate ? request.BirthDate[..4] + "-01-02" : request.BirthDate[..4] + "-01-01";

        var error = await Assert.ThrowsAsync<RpcException>(() => Hub.Registry.LookupCitizenAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.DoesNotContain(People.Citizen(17).HoVaTen, error.Status.Detail);
        Assert.Equal(1, Hub.Population.Lookups);
    }

    [Fact]
    public async Task A_number_the_registry_does_not_know_is_not_found()
    {
        var request = new LookupCitizenRequest { IdNumber = "001090999999", FullName = "Nguyễn Văn Không", BirthDate = "1990-05-05", Purpose = Samples.ProcedureCode };

        var error = await Assert.ThrowsAsync<RpcException>(() => Hub.Registry.LookupCitizenAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.DoesNotContain("001090999999", error.Status.Detail);
    }

    [Fact]
    public async Task An_enterprise_lookup_answers_with_the_registrys_data_then_from_the_cache()
    {
        var enterprise = People.Enterprise(3);

        var first = await Hub.Registry.LookupEnterpriseAsync(People.Lookup(enterprise));
        var second = await Hub.Registry.LookupEnterpriseAsync(People.Lookup(enterprise));

        Assert.Equal(LookupOutcome.Found, first.Outcome);
        Assert.Equal(enterprise.TenDoanhNghiep, first.Enterprise.Name);
        Assert.Equal(enterprise.DiaChiTruSo.ChiTiet, first.Enterprise.Address);
        Assert.Equal(enterprise.LoaiHinhDoanhNghiep, first.Enterprise.LegalForm);
        Assert.Equal(enterprise.TinhTrangHoatDong, first.Enterprise.OperatingStatus);
        Assert.Equal(enterprise.NguoiDaiDienPhapLuat[0].HoVaTen, first.Enterprise.LegalRepresentative);
        Assert.Equal("enterprise", first.Source.Registry);
        Assert.True(second.Source.FromCache);
        Assert.Equal(1, Hub.Enterprises.Lookups);
    }

    [Fact]
    public async Task An_enterprise_code_the_registry_does_not_know_is_not_found()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Hub.Registry.LookupEnterpriseAsync(
            new LookupEnterpriseRequest { EnterpriseCode = Samples.EnterpriseCode, Purpose = Samples.ProcedureCode }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    public static readonly TheoryData<string, string> BadCitizenLookups = new()
    {
        { "number of 11 digits", "id_number" },
        { "province code not in the list", "id_number" },
        { "century and year digits contradicting the birth date", "id_number" },
        { "no birth date", "birth_date" },
        { "birth date not a date", "birth_date" },
        { "no name", "full_name" },
        { "no purpose", "purpose" },
    };

    [Theory]
    [MemberData(nameof(BadCitizenLookups))]
    public async Task A_bad_citizen_lookup_is_refused_before_any_registry_call(string input, string field)
    {
        var request = People.Lookup(People.Citizen(20));
        switch (input)
        {
            case "number of 11 digits": request.IdNumber = request.IdNumber[..11]; break;
            case "province code not in the list": request.IdNumber = "003" + request.IdNumber[3..]; break;
            case "century and year digits contradicting the birth date": request.BirthDate = "1899-01-01"; break;
            case "no birth date": request.BirthDate = ""; break;
            case "birth date not a date": request.BirthDate = "1990-02-30"; break;
            case "no name": request.FullName = " "; break;
            default: request.Purpose = ""; break;
        }

        var error = await Assert.ThrowsAsync<RpcException>(() => Hub.Registry.LookupCitizenAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith(field + ":", error.Status.Detail);
        Assert.Equal(0, Hub.Population.Lookups);
    }

    [Fact]
    public async Task A_tax_code_with_a_wrong_check_digit_is_refused_before_any_registry_call()
    {
        var code = People.Enterprise(4).MaSoDoanhNghiep;
        var wrong = code[..9] + (char)('0' + (code[9] - '0' + 1) % 10);

        var error = await Assert.ThrowsAsync<RpcException>(() => Hub.Registry.LookupEnterpriseAsync(
            new LookupEnterpriseRequest { EnterpriseCode = wrong, Purpose = Samples.ProcedureCode }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("enterprise_code:", error.Status.Detail);
        Assert.Equal(0, Hub.Enterprises.Lookups);
    }

    [Fact]
    public async Task A_registry_that_is_down_makes_the_lookup_unavailable_after_the_pipelines_retries()
    {
        Hub.Population.Faults.Mode = FaultMode.Unavailable;
        Hub.Population.Faults.Down = true;
        var watch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<RpcException>(() => Hub.Registry.LookupCitizenAsync(People.Lookup(People.Citizen(21))).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Contains("population", error.Status.Detail);
        // The test configuration bounds a call at 8 s in all (Hub:Adapters:Population:TotalTimeout).
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"answered after {watch.Elapsed}");
    }

    [Fact]
    public async Task A_hanging_registry_is_bounded_by_the_callers_deadline()
    {
        Hub.Population.Faults.Mode = FaultMode.Hang;
        Hub.Population.Faults.Down = true;

        var error = await Assert.ThrowsAsync<RpcException>(() => Hub.Registry.LookupCitizenAsync(
            People.Lookup(People.Citizen(22)), deadline: DateTime.UtcNow.AddMilliseconds(500)).ResponseAsync);

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
    }

    [Fact]
    public async Task Every_access_is_in_the_log_operators_query_by_identifier_agency_and_time()
    {
        var citizen = People.Citizen(23);
        var started = DateTimeOffset.UtcNow;
        await Hub.Registry.LookupCitizenAsync(People.Lookup(citizen));
        var second = People.Lookup(citizen);
        second.DossierCode = "000.00.01.H22-261120-0042";
        await Hub.Registry.LookupCitizenAsync(second);
        await Hub.Registry.LookupEnterpriseAsync(People.Lookup(People.Enterprise(23)));

        var byIdentifier = await Hub.Admin.ListRegistryAccessAsync(new ListRegistryAccessRequest { Identifier = citizen.SoDinhDanh });
        var byAgency = await Hub.Admin.ListRegistryAccessAsync(new ListRegistryAccessRequest { AgencyCode = TestAgencies.JusticeCode });
        var otherAgency = await Hub.Admin.ListRegistryAccessAsync(new ListRegistryAccessRequest { AgencyCode = TestAgencies.ConstructionCode });
        var before = await Hub.Admin.ListRegistryAccessAsync(new ListRegistryAccessRequest { To = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(started) });

        Assert.Equal(2, byIdentifier.Accesses.Count);
        var (newest, oldest) = (byIdentifier.Accesses[0], byIdentifier.Accesses[1]);
        Assert.Equal(("population", citizen.SoDinhDanh, "justice-system", Samples.ProcedureCode), (oldest.Registry, oldest.Identifier, oldest.ClientId, oldest.Purpose));
        Assert.Equal((RegistryAccessKind.Lookup, RegistryAccessResult.Found, false), (oldest.Kind, oldest.Result, oldest.FromCache));
        Assert.Equal(("000.00.01.H22-261120-0042", true), (newest.DossierCode, newest.FromCache));
        Assert.Equal(3, byAgency.Accesses.Count);
        Assert.Empty(otherAgency.Accesses);
        Assert.Empty(before.Accesses);
    }

    [Fact]
    public async Task Operators_list_who_read_a_citizens_data_with_hub_registry_access()
    {
        var citizen = People.Citizen(24);
        await Hub.Registry.LookupCitizenAsync(People.Lookup(citizen));
        await Hub.Registry.LookupCitizenAsync(People.Lookup(citizen));
        await Hub.Registry.LookupCitizenAsync(People.Lookup(People.Citizen(25)));

        var (exitCode, output) = await Hub.OperatorCommandAsync("registry-access", "--identifier", citizen.SoDinhDanh);

        Assert.Equal(0, exitCode);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("ID", lines[0]);
        var rows = lines.Skip(1).Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, row => Assert.Equal(["population", citizen.SoDinhDanh, "justice-system", "lookup", "found"], row[3..8]));
        Assert.Equal(["hit", "miss"], rows.Select(row => row[8]));
    }

    [Theory]
    [InlineData("UPDATE registry_access_log SET client_id = 'someone-else'")]
    [InlineData("DELETE FROM registry_access_log")]
    [InlineData("TRUNCATE registry_access_log")]
    public async Task The_database_refuses_to_edit_or_delete_the_access_log(string sql)
    {
        await Hub.Registry.LookupCitizenAsync(People.Lookup(People.Citizen(26)));

        var refused = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => TestPostgres.ExecuteAsync(Hub.ConnectionString, sql));

        Assert.Equal("42501", refused.SqlState);
        var access = Assert.Single((await Hub.Admin.ListRegistryAccessAsync(new ListRegistryAccessRequest())).Accesses);
        Assert.Equal("justice-system", access.ClientId);
    }

    [Fact]
    public async Task Agencies_cannot_read_the_access_log()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            new AdminService.AdminServiceClient(Hub.Invoker(TestAgencies.JusticeKey)).ListRegistryAccessAsync(new ListRegistryAccessRequest()).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }
}
