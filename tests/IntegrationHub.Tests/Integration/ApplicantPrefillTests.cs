using Grpc.Core;
using IntegrationHub.Sandbox.Faults;
using IntegrationHub.V1;

namespace IntegrationHub.Tests.Integration;

/// <summary>Submitting with just the applicant's identity: the hub fills the rest from the registries and records where it came from.</summary>
public sealed class ApplicantPrefillTests : HubTest
{
    [Fact]
    public async Task A_citizen_given_by_number_name_and_birth_date_is_filled_from_the_population_database()
    {
        var citizen = People.Citizen(101);

        var code = (await Hub.Justice.SubmitDossierAsync(People.SubmissionFor(People.IdentityOf(citizen)))).DossierCode;

        var dossier = await Hub.Justice.GetDossierAsync(new GetDossierRequest { DossierCode = code });
        Assert.Equal(citizen.GioiTinh == 2 ? Sex.Female : Sex.Male, dossier.Applicant.Sex);
        Assert.Equal(citizen.QuocTich, dossier.Applicant.Nationality);
        Assert.Equal(citizen.NoiThuongTru.ChiTiet, dossier.Applicant.PermanentAddress);
        Assert.Equal(citizen.NoiOHienTai.ChiTiet, dossier.Applicant.Address);
        Assert.Equal(ApplicantCheckState.Verified, dossier.ApplicantCheck.State);
        Assert.Empty(dossier.ApplicantCheck.Mismatches);
    }

    [Fact]
    public async Task The_dossier_records_which_field_came_from_which_registry_and_when()
    {
        var before = DateTimeOffset.UtcNow;

        var code = (await Hub.Justice.SubmitDossierAsync(People.SubmissionFor(People.IdentityOf(People.Citizen(102))))).DossierCode;

        var check = (await Hub.Justice.GetDossierAsync(new GetDossierRequest { DossierCode = code })).ApplicantCheck;
        Assert.Equal(["sex", "nationality", "permanent_address", "address"], check.Filled.Select(f => f.Field));
        Assert.All(check.Filled, f =>
        {
            Assert.Equal("population", f.Source.Registry);
            Assert.InRange(f.Source.FetchedAt.ToDateTimeOffset(), before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        });
    }

    [Fact]
    public async Task The_national_portal_receives_the_filled_values()
    {
        var citizen = People.Citizen(103);

        var code = (await Hub.Justice.SubmitDossierAsync(People.SubmissionFor(People.IdentityOf(citizen)))).DossierCode;

        await Eventually.HoldsAsync(() => Hub.Portal.Records.Dossier(code) is not null, TimeSpan.FromSeconds(10), "the dossier at the portal");
        var sent = Hub.Portal.Records.Dossier(code)!.Latest;
        Assert.Equal(citizen.HoVaTen, (string?)sent["ChuHoSo"]);
        var details = (string?)sent["ThongTinKhac"];
        Assert.Contains($"Nơi thường trú: {citizen.NoiThuongTru.ChiTiet}", details);
        Assert.Contains($"Quốc tịch: {citizen.QuocTich}", details);
        Assert.Contains($"Giới tính: {(citizen.GioiTinh == 2 ? "Nữ" : "Nam")}", details);
    }

    [Fact]
    public async Task A_business_given_by_its_code_is_filled_from_the_enterprise_database_and_sent_so_to_the_portal()
    {
        var enterprise = People.Enterprise(104);

        var code = (await Hub.Justice.SubmitDossierAsync(People.SubmissionFor(People.IdentityOf(enterprise)))).DossierCode;

        var dossier = await Hub.Justice.GetDossierAsync(new GetDossierRequest { DossierCode = code });
        Assert.Equal(enterprise.TenDoanhNghiep, dossier.Applicant.Name);
        Assert.Equal(enterprise.DiaChiTruSo.ChiTiet, dossier.Applicant.Address);
        Assert.Equal(enterprise.LoaiHinhDoanhNghiep, dossier.Applicant.LegalForm);
        Assert.Equal(enterprise.TinhTrangHoatDong, dossier.Applicant.OperatingStatus);
        Assert.Equal(enterprise.NguoiDaiDienPhapLuat[0].HoVaTen, dossier.Applicant.LegalRepresentative);
        Assert.Equal(["name", "address", "legal_form", "operating_status", "legal_representative"], dossier.ApplicantCheck.Filled.Select(f => f.Field));
        Assert.All(dossier.ApplicantCheck.Filled, f => Assert.Equal("enterprise", f.Source.Registry));
        await Eventually.HoldsAsync(() => Hub.Portal.Records.Dossier(code) is not null, TimeSpan.FromSeconds(10), "the dossier at the portal");
        var sent = Hub.Portal.Records.Dossier(code)!.Latest;
        Assert.Equal(enterprise.TenDoanhNghiep, (string?)sent["ChuHoSo"]);
        Assert.Equal("2", (string?)sent["LoaiDoiTuong"]);
        Assert.Contains($"Trụ sở: {enterprise.DiaChiTruSo.ChiTiet}", (string?)sent["ThongTinKhac"]);
    }

    [Fact]
    public async Task A_value_the_agency_gave_is_kept_and_a_disagreement_with_the_registry_recorded()
    {
        var citizen = People.Citizen(105);
        var applicant = People.IdentityOf(citizen);
        applicant.PermanentAddress = "Số 1 đường Không Có";

        var code = (await Hub.Justice.SubmitDossierAsync(People.SubmissionFor(applicant))).DossierCode;

        var dossier = await Hub.Justice.GetDossierAsync(new GetDossierRequest { DossierCode = code });
        Assert.Equal("Số 1 đường Không Có", dossier.Applicant.PermanentAddress);
        var mismatch = Assert.Single(dossier.ApplicantCheck.Mismatches);
        Assert.Equal(("permanent_address", "Số 1 đường Không Có", citizen.NoiThuongTru.ChiTiet, "population"),
            (mismatch.Field, mismatch.AgencyValue, mismatch.RegistryValue, mismatch.Source.Registry));
        Assert.DoesNotContain("permanent_address", dossier.ApplicantCheck.Filled.Select(f => f.Field));
    }

    [Fact]
    public async Task The_submit_answer_names_the_fields_filled_and_the_fields_in_disagreement_and_a_repeat_says_the_same()
    {
        var applicant = People.IdentityOf(People.Citizen(107));
        applicant.Nationality = "Lào";
        var submission = People.SubmissionFor(applicant);

        var answer = await Hub.Justice.SubmitDossierAsync(submission);
        var repeated = await Hub.Justice.SubmitDossierAsync(submission);

        Assert.Equal(ApplicantCheckState.Verified, answer.ApplicantCheckState);
        Assert.Equal(["sex", "permanent_address", "address"], answer.FilledFields);
        Assert.Equal(["nationality"], answer.MismatchedFields);
        Assert.Equal(answer, repeated);
    }

    [Fact]
    public async Task A_second_dossier_for_the_same_person_within_the_window_makes_no_registry_call()
    {
        var citizen = People.Citizen(106);
        await Hub.Justice.SubmitDossierAsync(People.SubmissionFor(People.IdentityOf(citizen)));
        var callsAfterFirst = Hub.Population.Lookups;

        var second = (await Hub.Justice.SubmitDossierAsync(People.SubmissionFor(People.IdentityOf(citizen)))).DossierCode;

        Assert.Equal(1, callsAfterFirst);
        Assert.Equal(1, Hub.Population.Lookups);
        var check = (await Hub.Justice.GetDossierAsync(new GetDossierRequest { DossierCode = second })).ApplicantCheck;
        Assert.All(check.Filled, f => Assert.True(f.Source.FromCache));
    }

    [Fact]
    public async Task A_prefill_is_in_the_access_log_with_its_dossier()
    {
        var citizen = People.Citizen(107);

        var code = (await Hub.Justice.SubmitDossierAsync(People.SubmissionFor(People.IdentityOf(citizen)))).DossierCode;

        var access = Assert.Single((await Hub.Admin.ListRegistryAccessAsync(new ListRegistryAccessRequest { Identifier = citizen.SoDinhDanh })).Accesses);
        Assert.Equal((RegistryAccessKind.Prefill, code, Samples.ProcedureCode, "justice-system"), (access.Kind, access.DossierCode, access.Purpose, access.ClientId));
    }

    [Fact]
    public async Task A_citizen_the_registry_does_not_know_is_refused_when_the_dossier_needs_prefill_and_nothing_is_stored()
    {
        var applicant = new Applicant { Kind = ApplicantKind.Citizen, IdNumber = "001090999999", Name = "Nguyễn Văn Không", BirthDate = "1990-05-05" };

        var error = await Assert.ThrowsAsync<RpcException>(() => Hub.Justice.SubmitDossierAsync(People.SubmissionFor(applicant)).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.StartsWith("applicant.id_number:", error.Status.Detail);
        Assert.Contains("001*******99", error.Status.Detail);
        Assert.Equal(0, await TestPostgres.ScalarAsync<long>(Hub.ConnectionString, "SELECT count(*) FROM dossiers"));
    }

    [Fact]
    public async Task An_enterprise_the_registry_does_not_know_is_refused_when_the_dossier_needs_prefill()
    {
        var applicant = new Applicant { Kind = ApplicantKind.Business, IdNumber = Samples.EnterpriseCode };

        var error = await Assert.ThrowsAsync<RpcException>(() => Hub.Justice.SubmitDossierAsync(People.SubmissionFor(applicant)).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("enterprise database", error.Status.Detail);
    }

    [Fact]
    public async Task A_citizen_whose_name_does_not_match_is_refused_when_the_dossier_needs_prefill()
    {
        var applicant = People.IdentityOf(People.Citizen(108));
        applicant.Name = "Tên Khác Hẳn";

        var error = await Assert.ThrowsAsync<RpcException>(() => Hub.Justice.SubmitDossierAsync(People.SubmissionFor(applicant)).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains($"no record of {applicant.IdNumber[..3]}*******{applicant.IdNumber[^2..]} with this name and birth date", error.Status.Detail);
    }

    [Fact]
    public async Task A_citizen_given_in_full_whom_the_registry_does_not_know_is_accepted_and_marked_not_found()
    {
        var applicant = People.InFull(People.Citizen(109));
        applicant.IdNumber = applicant.IdNumber[..6] + "999999";

        var code = (await Hub.Justice.SubmitDossierAsync(People.SubmissionFor(applicant))).DossierCode;

        var check = (await Hub.Justice.GetDossierAsync(new GetDossierRequest { DossierCode = code })).ApplicantCheck;
        Assert.Equal(ApplicantCheckState.NotFound, check.State);
    }

    [Fact]
    public async Task A_registry_that_is_down_makes_a_submit_needing_prefill_unavailable_and_stores_nothing()
    {
        Hub.Population.Faults.Mode = FaultMode.Unavailable;
        Hub.Population.Faults.Down = true;

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Hub.Justice.SubmitDossierAsync(People.SubmissionFor(People.IdentityOf(People.Citizen(110)))).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Equal(0, await TestPostgres.ScalarAsync<long>(Hub.ConnectionString, "SELECT count(*) FROM dossiers"));
    }

    [Fact]
    public async Task A_citizen_without_a_birth_date_is_stored_unchecked_without_asking_the_registry()
    {
        var code = (await Hub.Justice.SubmitDossierAsync(Samples.Submission())).DossierCode;

        var check = (await Hub.Justice.GetDossierAsync(new GetDossierRequest { DossierCode = code })).ApplicantCheck;
        Assert.Equal(ApplicantCheckState.NotChecked, check.State);
        Assert.Equal(0, Hub.Population.Lookups);
    }
}
