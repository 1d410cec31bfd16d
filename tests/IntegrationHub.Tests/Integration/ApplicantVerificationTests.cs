using ApplicantVerificationJob = IntegrationHub.Hub.Registries.ApplicantVerificationJob;
using IntegrationHub.Sandbox.Faults;
using IntegrationHub.V1;

namespace IntegrationHub.Tests.Integration;

/// <summary>An applicant given in full while the registry is down: accepted, and checked by the scheduled job once it is back.</summary>
public sealed class ApplicantVerificationTests : HubTest
{
    /// <summary>Small batches, so that a backlog of a few dossiers spans several.</summary>
    protected override void Configure(Dictionary<string, string?> settings) => settings["Hub:Registries:VerificationBatchSize"] = "2";

    [Fact]
    public async Task A_submit_carrying_the_applicant_data_is_accepted_unverified_while_the_registry_is_down()
    {
        PopulationDown();

        var code = (await Hub.Justice.SubmitDossierAsync(People.SubmissionFor(People.InFull(People.Citizen(201))))).DossierCode;

        var dossier = await Hub.Justice.GetDossierAsync(new GetDossierRequest { DossierCode = code });
        Assert.Equal(ApplicantCheckState.Pending, dossier.ApplicantCheck.State);
        Assert.Empty(dossier.ApplicantCheck.Filled);
    }

    [Fact]
    public async Task The_job_verifies_the_applicant_once_the_registry_is_back()
    {
        PopulationDown();
        var code = (await Hub.Justice.SubmitDossierAsync(People.SubmissionFor(People.InFull(People.Citizen(202))))).DossierCode;
        Hub.Population.Faults.Reset();

        await RunJobUntilAsync(code, ApplicantCheckState.Verified);

        var check = (await Hub.Justice.GetDossierAsync(new GetDossierRequest { DossierCode = code })).ApplicantCheck;
        Assert.Empty(check.Mismatches);
        Assert.NotNull(check.CheckedAt);
        Assert.DoesNotContain(await EventsAsync(), e => e.Type == DossierEventType.ApplicantMismatch);
    }

    [Fact]
    public async Task A_mismatch_the_job_finds_is_recorded_and_raised_as_a_dossier_event()
    {
        PopulationDown();
        var citizen = People.Citizen(203);
        var applicant = People.InFull(citizen);
        applicant.Address = "Số 9 đường Khác";
        var code = (await Hub.Justice.SubmitDossierAsync(People.SubmissionFor(applicant))).DossierCode;
        Hub.Population.Faults.Reset();

        await RunJobUntilAsync(code, ApplicantCheckState.Verified);

        var dossier = await Hub.Justice.GetDossierAsync(new GetDossierRequest { DossierCode = code });
        var mismatch = Assert.Single(dossier.ApplicantCheck.Mismatches);
        Assert.Equal(("address", "Số 9 đường Khác", citizen.NoiOHienTai.ChiTiet), (mismatch.Field, mismatch.AgencyValue, mismatch.RegistryValue));
        Assert.Equal("Số 9 đường Khác", dossier.Applicant.Address);
        var raised = Assert.Single(await EventsAsync(), e => e.Type == DossierEventType.ApplicantMismatch);
        Assert.Equal((code, "address"), (raised.DossierCode, raised.Detail));
        var access = (await Hub.Admin.ListRegistryAccessAsync(new ListRegistryAccessRequest { Identifier = citizen.SoDinhDanh })).Accesses;
        Assert.Equal([RegistryAccessKind.Verification, RegistryAccessKind.Prefill], access.Select(a => a.Kind));
        Assert.Equal([RegistryAccessResult.Found, RegistryAccessResult.Unavailable], access.Select(a => a.Result));
    }

    [Fact]
    public async Task An_applicant_the_registry_turns_out_not_to_know_is_recorded_and_raised_as_a_dossier_event()
    {
        PopulationDown();
        var stranger = People.InFull(People.Citizen(205));
        stranger.IdNumber = stranger.IdNumber[..6] + "999999";
        var code = (await Hub.Justice.SubmitDossierAsync(People.SubmissionFor(stranger))).DossierCode;
        Hub.Population.Faults.Reset();

        await RunJobUntilAsync(code, ApplicantCheckState.NotFound);

        var raised = Assert.Single(await EventsAsync(), e => e.Type == DossierEventType.ApplicantMismatch);
        Assert.Equal((code, "not found"), (raised.DossierCode, raised.Detail));
    }

    [Fact]
    public async Task A_business_given_in_full_while_the_enterprise_database_is_down_is_verified_once_it_is_back()
    {
        var enterprise = People.Enterprise(206);
        var applicant = People.InFull(enterprise);
        applicant.LegalRepresentative = "Người Khác";
        Hub.Enterprises.Faults.Mode = FaultMode.Unavailable;
        Hub.Enterprises.Faults.Down = true;
        var code = (await Hub.Justice.SubmitDossierAsync(People.SubmissionFor(applicant))).DossierCode;
        Assert.Equal(ApplicantCheckState.Pending, (await Hub.Justice.GetDossierAsync(new GetDossierRequest { DossierCode = code })).ApplicantCheck.State);
        Hub.Enterprises.Faults.Reset();

        await RunJobUntilAsync(code, ApplicantCheckState.Verified);

        var mismatch = Assert.Single((await Hub.Justice.GetDossierAsync(new GetDossierRequest { DossierCode = code })).ApplicantCheck.Mismatches);
        Assert.Equal(("legal_representative", "Người Khác", enterprise.NguoiDaiDienPhapLuat[0].HoVaTen), (mismatch.Field, mismatch.AgencyValue, mismatch.RegistryValue));
        Assert.Equal("enterprise", mismatch.Source.Registry);
        Assert.Single(await EventsAsync(), e => e.Type == DossierEventType.ApplicantMismatch && e.Detail == "legal_representative");
    }

    [Fact]
    public async Task One_run_verifies_a_backlog_larger_than_a_batch()
    {
        PopulationDown();
        var codes = new List<string>();
        foreach (var index in Enumerable.Range(210, 5))
        {
            codes.Add((await Hub.Justice.SubmitDossierAsync(People.SubmissionFor(People.InFull(People.Citizen(index))))).DossierCode);
        }
        Hub.Population.Faults.Reset();

        await TriggerAsync();

        foreach (var code in codes)
        {
            Assert.Equal(ApplicantCheckState.Verified, (await Hub.Justice.GetDossierAsync(new GetDossierRequest { DossierCode = code })).ApplicantCheck.State);
        }
    }

    [Fact]
    public async Task While_the_registry_stays_down_the_job_leaves_the_applicant_pending()
    {
        PopulationDown();
        var code = (await Hub.Justice.SubmitDossierAsync(People.SubmissionFor(People.InFull(People.Citizen(204))))).DossierCode;

        await TriggerAsync();
        await Eventually.HoldsAsync(
            async () => await TestPostgres.ScalarAsync<long>(Hub.ConnectionString, "SELECT count(*) FROM registry_access_log WHERE kind = 3") == 1,
            TimeSpan.FromSeconds(10), "the job asked once");

        var check = (await Hub.Justice.GetDossierAsync(new GetDossierRequest { DossierCode = code })).ApplicantCheck;
        Assert.Equal(ApplicantCheckState.Pending, check.State);
    }

    private void PopulationDown()
    {
        Hub.Population.Faults.Mode = FaultMode.Unavailable;
        Hub.Population.Faults.Down = true;
    }

    private Task TriggerAsync() => Hub.RunOnceAsync(ApplicantVerificationJob.Key);

    private async Task RunJobUntilAsync(string code, ApplicantCheckState state)
    {
        await TriggerAsync();
        await Eventually.HoldsAsync(
            async () => (await Hub.Justice.GetDossierAsync(new GetDossierRequest { DossierCode = code })).ApplicantCheck.State == state,
            TimeSpan.FromSeconds(15), $"the applicant {state}");
    }

    private async Task<IReadOnlyList<DossierEvent>> EventsAsync() =>
        await EventWatch.ReadAsync(Hub.Justice, after: 0, count: int.MaxValue, within: TimeSpan.FromSeconds(2));
}
