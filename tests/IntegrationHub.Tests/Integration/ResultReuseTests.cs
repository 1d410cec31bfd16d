using Grpc.Core;
using IntegrationHub.V1;

namespace IntegrationHub.Tests.Integration;

/// <summary>A document of a new dossier that is an electronic result issued earlier to the same applicant.</summary>
public sealed class ResultReuseTests : HubTest
{
    [Fact]
    public async Task An_earlier_result_of_the_same_applicant_is_reused_by_its_document_number()
    {
        var earlier = await IssuedResultAsync(Samples.CitizenId);
        var submission = Samples.Submission();
        submission.Documents[0] = new Document { ComponentCode = "TP02", ReusedResult = "125/GKS" };

        var code = (await Hub.Justice.SubmitDossierAsync(submission)).DossierCode;

        var document = (await Hub.Justice.GetDossierAsync(new GetDossierRequest { DossierCode = code })).Documents.Single();
        Assert.Equal((earlier.ResultId, "Giấy khai sinh", "https://files.hagiang.gov.vn/kq/125-gks.pdf", new string('b', 64), "TP02"),
            (document.ReusedResult, document.Name, document.StorageUrl, document.Sha256, document.ComponentCode));
        await Eventually.HoldsAsync(() => Hub.Portal.Records.Dossier(code) is not null, TimeSpan.FromSeconds(10), "the dossier at the portal");
        Assert.Equal("https://files.hagiang.gov.vn/kq/125-gks.pdf", (string?)Hub.Portal.Records.Dossier(code)!.Latest["TaiLieuNop"]![0]!["DuongDanTaiTepTin"]);
    }

    [Fact]
    public async Task An_earlier_result_is_reused_by_its_result_id()
    {
        var earlier = await IssuedResultAsync(Samples.CitizenId);
        var submission = Samples.Submission();
        submission.Documents.Add(new Document { ReusedResult = earlier.ResultId });

        var code = (await Hub.Justice.SubmitDossierAsync(submission)).DossierCode;

        var documents = (await Hub.Justice.GetDossierAsync(new GetDossierRequest { DossierCode = code })).Documents;
        Assert.Equal(["", earlier.ResultId], documents.Select(d => d.ReusedResult));
    }

    [Fact]
    public async Task A_result_issued_to_another_applicant_cannot_be_reused_and_nothing_is_stored()
    {
        var foreign = await IssuedResultAsync("001185000321");
        var submission = Samples.Submission();
        submission.Documents.Add(new Document { ReusedResult = foreign.ResultId });

        var error = await Assert.ThrowsAsync<RpcException>(() => Hub.Justice.SubmitDossierAsync(submission).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.StartsWith("documents[1].reused_result:", error.Status.Detail);
        Assert.Equal(1, await TestPostgres.ScalarAsync<long>(Hub.ConnectionString, "SELECT count(*) FROM dossiers"));
    }

    [Fact]
    public async Task A_result_that_does_not_exist_cannot_be_reused()
    {
        var submission = Samples.Submission();
        submission.Documents.Add(new Document { ReusedResult = "999/KHONG-CO" });

        var error = await Assert.ThrowsAsync<RpcException>(() => Hub.Justice.SubmitDossierAsync(submission).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
    }

    /// <summary>A dossier of the applicant taken to a signed result "125/GKS".</summary>
    private async Task<AttachResultResponse> IssuedResultAsync(string citizenId)
    {
        var submission = Samples.Submission();
        submission.Applicant.IdNumber = citizenId;
        var code = (await Hub.Justice.SubmitDossierAsync(submission)).DossierCode;
        foreach (var (action, minutes) in new[] { (ProgressAction.Receive, 1), (ProgressAction.Appraise, 2), (ProgressAction.Approve, 3), (ProgressAction.Sign, 4) })
        {
            await Hub.Justice.RecordProgressAsync(Samples.Step(code, action, minutes));
        }
        return await Hub.Justice.AttachResultAsync(Samples.Result(code));
    }
}
