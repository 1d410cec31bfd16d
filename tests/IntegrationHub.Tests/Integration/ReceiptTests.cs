using Grpc.Core;
using IntegrationHub.Hub.Procedures;
using IntegrationHub.V1;

namespace IntegrationHub.Tests.Integration;

/// <summary>The receipt handed to the applicant (biên nhận kiêm phiếu hẹn trả kết quả), over gRPC.</summary>
public sealed class ReceiptTests : HubTest
{
    [Fact]
    public async Task A_received_dossier_has_a_receipt_with_its_number_procedure_papers_fees_and_the_date_to_come_back()
    {
        await Hub.RunOnceAsync(ProcedureCatalogueJob.Key);
        var submission = Samples.Submission();
        submission.ReceiptNumber = "BN-2026-000123";
        var code = (await Hub.Justice.SubmitDossierAsync(submission)).DossierCode;
        await Hub.Justice.RecordProgressAsync(Samples.Step(code, ProgressAction.Receive, 1));

        var receipt = await Hub.Justice.GetReceiptAsync(new GetReceiptRequest { DossierCode = code });

        Assert.Equal(("BN-2026-000123", code, TestAgencies.JusticeName, Samples.ProcedureCode, "Đăng ký khai sinh", "Nguyễn Văn An", "Trần Thị Hoa"),
            (receipt.ReceiptNumber, receipt.DossierCode, receipt.AgencyName, receipt.ProcedureCode, receipt.ProcedureName, receipt.ApplicantName, receipt.ReceivedBy));
        Assert.Equal((Samples.ReceivedAt, Samples.ReceivedAt.AddDays(3)), (receipt.ReceivedAt.ToDateTimeOffset(), receipt.DueAt.ToDateTimeOffset()));
        Assert.Equal(["TP01"], receipt.Documents.Select(d => d.ComponentCode));
        Assert.Equal([("LP01", 8_000L)], receipt.Fees.Select(f => (f.Code, f.Amount)));
        Assert.Equal(ResultDelivery.AtCounter, receipt.ResultDelivery);
    }

    [Fact]
    public async Task A_dossier_not_yet_received_has_no_receipt_and_another_agencys_is_not_the_callers()
    {
        var code = (await Hub.Justice.SubmitDossierAsync(Samples.Submission())).DossierCode;

        var early = await Assert.ThrowsAsync<RpcException>(() => Hub.Justice.GetReceiptAsync(new GetReceiptRequest { DossierCode = code }).ResponseAsync);
        await Hub.Justice.RecordProgressAsync(Samples.Step(code, ProgressAction.Receive, 1));
        var other = await Assert.ThrowsAsync<RpcException>(() => Hub.Construction.GetReceiptAsync(new GetReceiptRequest { DossierCode = code }).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, early.StatusCode);
        Assert.Contains("its receipt is issued when it is received", early.Status.Detail);
        Assert.Equal(StatusCode.PermissionDenied, other.StatusCode);
    }
}
