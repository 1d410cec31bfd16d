using Grpc.Core;
using IntegrationHub.Hub.Procedures;
using IntegrationHub.V1;

namespace IntegrationHub.Tests.Integration;

/// <summary>DVCQG's procedure catalogue kept by the hub (LayDanhSachTTHC, LayThuTuc) and read by agencies; local codes mean their national procedure.</summary>
public sealed class ProcedureCatalogueTests : HubTest
{
    private ProcedureService.ProcedureServiceClient Procedures => new(Hub.Invoker(TestAgencies.JusticeKey));

    [Fact]
    public async Task The_refreshed_catalogue_answers_with_processing_times_fees_papers_and_results()
    {
        await Hub.RunOnceAsync(ProcedureCatalogueJob.Key);

        var all = await Procedures.ListProceduresAsync(new ListProceduresRequest { PageSize = 5 });
        var rest = await Procedures.ListProceduresAsync(new ListProceduresRequest { PageSize = 5, PageToken = all.NextPageToken });
        var record = await Procedures.GetProcedureAsync(new GetProcedureRequest { ProcedureCode = "1.004227" });

        Assert.Equal(8, all.Procedures.Count + rest.Procedures.Count);
        Assert.Equal("", rest.NextPageToken);
        Assert.Equal(("Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam", "G09-TP07"), (record.Name, record.FieldCode));
        Assert.Equal([1, 2], record.Ways.Select(w => w.Channel));
        var time = record.Ways[1].Times.Single();
        Assert.Equal((10.0, "Ngày làm việc", 200_000.0), (time.Amount, time.Unit, time.Fees.Single().Amount));
        Assert.Equal(["Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp", "Bản chụp CCCD"], record.Components.Single().Documents.Select(d => d.Name));
        Assert.Equal("KQ.1.004227", record.Results.Single().Code);
        Assert.Equal(["G09-TP03"], (await Procedures.ListProceduresAsync(new ListProceduresRequest { FieldCode = "G09-TP03" })).Procedures.Select(p => p.FieldCode).Distinct());
    }

    [Fact]
    public async Task A_local_code_is_answered_with_its_national_procedure_and_reaches_the_portal_as_the_national_code()
    {
        const string local = "1.000894.000.00.01.H22";

        var procedure = await Procedures.GetProcedureAsync(new GetProcedureRequest { ProcedureCode = local });
        var submission = Samples.Submission();
        submission.ProcedureCode = local;
        var code = (await Hub.Justice.SubmitDossierAsync(submission)).DossierCode;

        Assert.Equal(("1.000894", "Đăng ký khai sinh"), (procedure.Code, procedure.Name));
        await Eventually.HoldsAsync(() => Hub.Portal.Records.Dossier(code) is not null, TimeSpan.FromSeconds(10), "the dossier at the portal");
        Assert.Equal("1.000894", Hub.Portal.Records.Dossier(code)!.Latest["MaTTHC"]!.ToString());
        Assert.Equal(local, (await Hub.Justice.GetDossierAsync(new GetDossierRequest { DossierCode = code })).ProcedureCode);
    }

    [Fact]
    public async Task A_dossier_submitted_without_a_due_date_gets_one_from_the_catalogue_and_the_calendar()
    {
        var submission = Samples.Submission();
        submission.ProcedureCode = "1.004227"; // 10 working days
        submission.ReceivedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(DateTimeOffset.Parse("2026-12-01T09:00:00+07:00"));
        submission.DueAt = null;

        var answer = await Hub.Justice.SubmitDossierAsync(submission);

        Assert.Equal(DateTimeOffset.Parse("2026-12-15T17:00:00+07:00"), answer.DueAt.ToDateTimeOffset());
        await Eventually.HoldsAsync(() => Hub.Portal.Records.Dossier(answer.DossierCode) is not null, TimeSpan.FromSeconds(10), "the dossier at the portal");
        Assert.Equal("20261215170000", Hub.Portal.Records.Dossier(answer.DossierCode)!.Latest["NgayHenTra"]!.ToString());
    }

    [Fact]
    public async Task Without_a_due_date_a_procedure_the_catalogue_does_not_have_is_refused_naming_due_at()
    {
        var submission = Samples.Submission();
        submission.ProcedureCode = "9.999999";
        submission.DueAt = null;

        var refusal = await Assert.ThrowsAsync<RpcException>(() => Hub.Justice.SubmitDossierAsync(submission).ResponseAsync);

        Assert.Equal((StatusCode.InvalidArgument, "due_at: is required: procedure 9.999999 is not in the national catalogue, so the hub cannot compute it"),
            (refusal.StatusCode, refusal.Status.Detail));
    }

    [Fact]
    public async Task A_procedure_not_kept_yet_is_unavailable_while_the_portal_is_down()
    {
        Hub.Portal.Faults.Down = true;

        var refusal = await Assert.ThrowsAsync<RpcException>(() => Procedures.GetProcedureAsync(new GetProcedureRequest { ProcedureCode = "1.001193" }).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, refusal.StatusCode);
        Assert.StartsWith("the national portal could not be asked", refusal.Status.Detail);
    }

    [Fact]
    public async Task A_code_the_national_catalogue_does_not_have_is_not_found()
    {
        var refusal = await Assert.ThrowsAsync<RpcException>(() => Procedures.GetProcedureAsync(new GetProcedureRequest { ProcedureCode = "9.999999" }).ResponseAsync);

        Assert.Equal((StatusCode.NotFound, "procedure 9.999999 is not in the national catalogue"), (refusal.StatusCode, refusal.Status.Detail));
    }
}
