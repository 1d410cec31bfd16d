using Grpc.Core;
using IntegrationHub.V1;

namespace IntegrationHub.Tests.Integration;

public sealed class IdempotencyAndTransitionTests : HubTest
{
    [Fact]
    public async Task Submitting_the_same_request_again_returns_the_first_answer_and_stores_one_dossier()
    {
        var request = Samples.Submission();

        var first = await Hub.Justice.SubmitDossierAsync(request);
        var second = await Hub.Justice.SubmitDossierAsync(request);

        Assert.Equal(first, second);
        var listed = await Hub.Justice.ListDossiersAsync(new ListDossiersRequest());
        Assert.Single(listed.Dossiers);
        await Eventually.HoldsAsync(() => Hub.Portal.Records.Dossier(first.DossierCode) is not null, TimeSpan.FromSeconds(10), "at the portal");
        Assert.Single(Hub.Portal.Records.Calls, c => c.Service == "DongBoHoSoMC" && c.ErrorCode == "00");
    }

    [Fact]
    public async Task Concurrent_repeats_of_one_request_store_one_dossier()
    {
        var request = Samples.Submission();

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Hub.Justice.SubmitDossierAsync(request).ResponseAsync));

        Assert.Single(answers.Select(a => a.DossierCode).Distinct());
        Assert.Single((await Hub.Justice.ListDossiersAsync(new ListDossiersRequest())).Dossiers);
    }

    [Fact]
    public async Task Recording_the_same_step_again_returns_the_first_answer_and_adds_no_second_step()
    {
        var code = (await Hub.Justice.SubmitDossierAsync(Samples.Submission())).DossierCode;
        var step = Samples.Step(code, ProgressAction.Receive, 5);

        var first = await Hub.Justice.RecordProgressAsync(step);
        var second = await Hub.Justice.RecordProgressAsync(step);

        Assert.Equal(first, second);
        var dossier = await Hub.Justice.GetDossierAsync(new GetDossierRequest { DossierCode = code });
        Assert.Single(dossier.Timeline);
        Assert.Equal(2, dossier.Version);
    }

    [Fact]
    public async Task A_request_id_reused_for_a_different_request_is_refused_and_changes_nothing()
    {
        var request = Samples.Submission();
        await Hub.Justice.SubmitDossierAsync(request);
        var different = request.Clone();
        different.Summary = "Một hồ sơ khác";

        var error = await Assert.ThrowsAsync<RpcException>(() => Hub.Justice.SubmitDossierAsync(different).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("request_id:", error.Status.Detail);
        Assert.Single((await Hub.Justice.ListDossiersAsync(new ListDossiersRequest())).Dossiers);
    }

    [Fact]
    public async Task An_illegal_transition_is_refused_naming_the_current_status_and_changes_nothing()
    {
        var code = (await Hub.Justice.SubmitDossierAsync(Samples.Submission())).DossierCode;

        var error = await Assert.ThrowsAsync<RpcException>(() => Hub.Justice.RecordProgressAsync(Samples.Step(code, ProgressAction.Approve, 5)).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("is New", error.Status.Detail);
        var dossier = await Hub.Justice.GetDossierAsync(new GetDossierRequest { DossierCode = code });
        Assert.Equal(DossierStatus.New, dossier.Status);
        Assert.Empty(dossier.Timeline);
        Assert.Equal(1, dossier.Version);
    }

    [Fact]
    public async Task A_supplement_request_sends_the_dossier_back_to_appraisal_when_the_papers_arrive()
    {
        var code = (await Hub.Justice.SubmitDossierAsync(Samples.Submission())).DossierCode;
        await Hub.Justice.RecordProgressAsync(Samples.Step(code, ProgressAction.Receive, 1));
        await Hub.Justice.RecordProgressAsync(Samples.Step(code, ProgressAction.RequestSupplement, 2, note: "Thiếu bản sao giấy chứng sinh"));
        var resumed = await Hub.Justice.RecordProgressAsync(Samples.Step(code, ProgressAction.ReceiveSupplement, 3));

        Assert.Equal(DossierStatus.UnderAppraisal, resumed.Status);
        await Eventually.HoldsAsync(() => Hub.Portal.Records.Dossier(code) is { Progress.Count: 3 }, TimeSpan.FromSeconds(10), "three steps at the portal");
        Assert.Equal(["2", "5", "4"], Hub.Portal.Records.Dossier(code)!.Progress.Select(p => IntegrationHub.Sandbox.NationalPortal.PortalContract.Text(p, "TrangThai")));
    }

    [Fact]
    public async Task Listing_pages_through_the_callers_dossiers_newest_first_and_filters_by_status()
    {
        var codes = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var request = Samples.Submission();
            request.ReceivedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(Samples.ReceivedAt.AddHours(i));
            codes.Add((await Hub.Justice.SubmitDossierAsync(request)).DossierCode);
        }
        await Hub.Justice.RecordProgressAsync(Samples.Step(codes[0], ProgressAction.Receive, 1));
        await Hub.Construction.SubmitDossierAsync(Samples.Submission(TestAgencies.ConstructionCode));

        var firstPage = await Hub.Justice.ListDossiersAsync(new ListDossiersRequest { PageSize = 3 });
        var secondPage = await Hub.Justice.ListDossiersAsync(new ListDossiersRequest { PageSize = 3, PageToken = firstPage.NextPageToken });
        var received = await Hub.Justice.ListDossiersAsync(new ListDossiersRequest { Status = DossierStatus.Received });

        Assert.Equal(codes.AsEnumerable().Reverse(), firstPage.Dossiers.Concat(secondPage.Dossiers).Select(d => d.DossierCode));
        Assert.Equal("", secondPage.NextPageToken);
        Assert.Equal([codes[0]], received.Dossiers.Select(d => d.DossierCode));
    }
}
