using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using IntegrationHub.Hub.Procedures;
using IntegrationHub.V1;
using static IntegrationHub.Sandbox.NationalPortal.PortalContract;

namespace IntegrationHub.Tests.Integration;

/// <summary>
/// The supplement round trip: the agency names the missing papers (catalogue component codes) and a deadline,
/// the applicant hears what is missing by SMS and e-mail, the papers come back over gRPC and replace the
/// dossier's, the dossier returns to processing, and the portal hears both halves with the papers handed in.
/// </summary>
public sealed class SupplementRoundTripTests : HubTest
{
    private readonly string _address = TestMailServer.NewAddress();

    protected override bool SendsSms => true;

    protected override void Configure(Dictionary<string, string?> settings) => TestMailServer.AddEmail(settings);

    protected override Task<IEnumerable<string>> MoreViolationsAsync() => TestMailServer.ViolationsAsync([_address]);

    [Fact]
    public async Task Missing_papers_named_by_component_reach_the_applicant_and_the_portal_and_the_papers_handed_in_return_the_dossier_to_processing()
    {
        var code = await ReceivedAsync();

        await Hub.Justice.RecordProgressAsync(AskFor(code, ("GT02", "bản sao giấy chứng sinh có chứng thực")));

        var expected = "Thiếu giấy tờ; bản sao giấy chứng sinh có chứng thực; hạn nộp bổ sung 27/11/2026";
        var mails = await ArrivedAsync(2);
        Assert.Equal($"Hồ sơ {code} cần bổ sung giấy tờ", mails[1].Subject);
        Assert.StartsWith($"Hồ sơ {code} cần bổ sung: {expected}.", mails[1].Text);
        await Eventually.HoldsAsync(() => Hub.Esms.Sent.Count >= 2, TimeSpan.FromSeconds(10), "the SMS");
        Assert.Contains("ban sao giay chung sinh co chung thuc; han nop bo sung 27/11/2026", Hub.Esms.Sent[1].Content);
        await Eventually.HoldsAsync(() => Hub.Portal.Records.Dossier(code) is { Status: "5" }, TimeSpan.FromSeconds(10), "the request at the portal");
        Assert.Equal(expected, Text(Round(code), "NoiDungBoSung"));

        var answer = await Hub.Justice.SubmitSupplementAsync(HandIn(code, minutesAfterReceipt: 4 * 24 * 60, Paper("GT02", 'c')));

        Assert.Equal((DossierStatus.UnderAppraisal, 4), (answer.Status, answer.Version));
        // Asked Friday 20/11, handed in Tuesday 24/11: Monday and Tuesday waited, so the due date moves two working days.
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 2, 30, 0, TimeSpan.Zero), answer.DueAt.ToDateTimeOffset());
        var dossier = await Hub.Justice.GetDossierAsync(new GetDossierRequest { DossierCode = code });
        Assert.Equal(["TP01", "GT02"], dossier.Documents.Select(d => d.ComponentCode));
        var round = Assert.Single(dossier.Supplements);
        Assert.Equal(("GT02", 2, "GT02"), (string.Join(",", round.PapersReceived), round.WorkingDaysWaited, round.Missing.Single().ComponentCode));
        await Eventually.HoldsAsync(() => Hub.Portal.Records.Dossier(code) is { Status: "4" }, TimeSpan.FromSeconds(10), "the papers at the portal");
        var received = Round(code);
        Assert.Equal(("1", "20261125093000"), (Text(received, "TrangThaiBoSung"), Text(received, "NgayHenTraMoi")));
        var paper = Assert.Single(received["DanhSachGiayToBoSung"]!.AsArray())!.AsObject();
        Assert.Equal(("GT02", "Giấy chứng sinh", "https://files.hagiang.gov.vn/hs/GT02.pdf"),
            (Text(paper, "MaThanhPhanHoSo"), Text(paper, "TenTepDinhKem"), Text(paper, "DuongDanTaiTepTin")));
        Assert.Equal(["TP01", "GT02"], Hub.Portal.Records.Dossier(code)!.Latest["TaiLieuNop"]!.AsArray().Select(d => Text(d!.AsObject(), "MaThanhPhanHoSo")));
    }

    [Fact]
    public async Task A_paper_handed_in_replaces_the_dossiers_paper_of_its_component()
    {
        var code = await ReceivedAsync();
        await Hub.Justice.RecordProgressAsync(AskFor(code, ("TP01", "tờ khai thiếu chữ ký")));

        await Hub.Justice.SubmitSupplementAsync(HandIn(code, minutesAfterReceipt: 30, Paper("TP01", 'd')));

        var document = Assert.Single((await Hub.Justice.GetDossierAsync(new GetDossierRequest { DossierCode = code })).Documents);
        Assert.Equal(("TP01", new string('d', 64)), (document.ComponentCode, document.Sha256));
    }

    public static readonly TheoryData<string, StatusCode, string> BadRounds = new()
    {
        { "a component neither in the catalogue nor in the dossier", StatusCode.InvalidArgument, "supplement.missing[0].component_code:" },
        { "papers for a dossier not waiting for any", StatusCode.FailedPrecondition, "dossier " },
        { "no papers", StatusCode.InvalidArgument, "documents:" },
        { "without the paper asked for", StatusCode.InvalidArgument, "documents: component GT02 was asked for" },
        { "a paper of an unknown component", StatusCode.InvalidArgument, "documents[1].component_code:" },
        { "a deadline before the request", StatusCode.InvalidArgument, "supplement.respond_by:" },
        { "what is missing on another step", StatusCode.InvalidArgument, "supplement:" },
    };

    [Theory]
    [MemberData(nameof(BadRounds))]
    public async Task A_bad_supplement_is_refused_naming_the_field_and_changes_nothing(string input, StatusCode status, string detail)
    {
        var code = await ReceivedAsync();
        if (input is "no papers" or "without the paper asked for" or "a paper of an unknown component")
        {
            await Hub.Justice.RecordProgressAsync(AskFor(code, ("GT02", "bản sao giấy chứng sinh")));
        }
        var before = await Hub.Justice.GetDossierAsync(new GetDossierRequest { DossierCode = code });

        var error = await Assert.ThrowsAsync<RpcException>(() => input switch
        {
            "a component neither in the catalogue nor in the dossier" => Hub.Justice.RecordProgressAsync(AskFor(code, ("GT99", "giấy tờ khác"))).ResponseAsync,
            "papers for a dossier not waiting for any" => Hub.Justice.SubmitSupplementAsync(HandIn(code, 30, Paper("GT02", 'c'))).ResponseAsync,
            "no papers" => Hub.Justice.SubmitSupplementAsync(HandIn(code, 30)).ResponseAsync,
            "without the paper asked for" => Hub.Justice.SubmitSupplementAsync(HandIn(code, 30, Paper("TP01", 'c'))).ResponseAsync,
            "a paper of an unknown component" => Hub.Justice.SubmitSupplementAsync(HandIn(code, 30, Paper("GT02", 'c'), Paper("GT99", 'e'))).ResponseAsync,
            "a deadline before the request" => Hub.Justice.RecordProgressAsync(AskFor(code, ("GT02", "bản sao"), respondBy: Samples.ReceivedAt)).ResponseAsync,
            _ => Hub.Justice.RecordProgressAsync(WithSupplement(Samples.Step(code, ProgressAction.Appraise, 2))).ResponseAsync,
        });

        Assert.Equal(status, error.StatusCode);
        Assert.StartsWith(detail, error.Status.Detail);
        var after = await Hub.Justice.GetDossierAsync(new GetDossierRequest { DossierCode = code });
        Assert.Equal((before.Version, before.Status, before.Documents, before.Supplements), (after.Version, after.Status, after.Documents, after.Supplements));
    }

    private async Task<string> ReceivedAsync()
    {
        await Hub.RunOnceAsync(ProcedureCatalogueJob.Key);
        var submission = Samples.Submission();
        submission.ContactEmail = _address;
        var code = (await Hub.Justice.SubmitDossierAsync(submission)).DossierCode;
        await Hub.Justice.RecordProgressAsync(Samples.Step(code, ProgressAction.Receive, 1));
        return code;
    }

    private static RecordProgressRequest AskFor(string code, (string Component, string Reason) missing, DateTimeOffset? respondBy = null)
    {
        var step = Samples.Step(code, ProgressAction.RequestSupplement, 2, note: "Thiếu giấy tờ");
        step.Supplement = new SupplementRequest { RespondBy = Timestamp.FromDateTimeOffset(respondBy ?? Samples.ReceivedAt.AddDays(7)) };
        step.Supplement.Missing.Add(new MissingPaper { ComponentCode = missing.Component, Reason = missing.Reason });
        return step;
    }

    private static RecordProgressRequest WithSupplement(RecordProgressRequest step)
    {
        step.Supplement = new SupplementRequest();
        step.Supplement.Missing.Add(new MissingPaper { ComponentCode = "GT02", Reason = "bản sao" });
        return step;
    }

    private static SubmitSupplementRequest HandIn(string code, int minutesAfterReceipt, params Document[] papers)
    {
        var step = Samples.Step(code, ProgressAction.ReceiveSupplement, minutesAfterReceipt);
        var request = new SubmitSupplementRequest
        {
            RequestId = Guid.NewGuid().ToString(), DossierCode = code, Handler = step.Handler, OccurredAt = step.OccurredAt, Note = "Nhận bản sao giấy chứng sinh",
        };
        request.Documents.AddRange(papers);
        return request;
    }

    private static Document Paper(string component, char digest) => new()
    {
        ComponentCode = component, Name = component == "GT02" ? "Giấy chứng sinh" : "Tờ khai đăng ký khai sinh", MediaType = "pdf", SizeBytes = 95_112,
        Sha256 = new string(digest, 64), StorageUrl = $"https://files.hagiang.gov.vn/hs/{component}.pdf",
    };

    private System.Text.Json.Nodes.JsonObject Round(string code) =>
        Hub.Portal.Records.Dossier(code)!.Latest["DanhSachHoSoBoSung"]!.AsArray().Single()!.AsObject();

    private Task<TestMailServer.Message[]> ArrivedAsync(int count) => TestMailServer.ArrivedAsync(_address, count);
}
