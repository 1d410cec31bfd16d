using System.Net;
using System.Text.Json.Nodes;
using IntegrationHub.Hub.PortalIntake;
using IntegrationHub.V1;

namespace IntegrationHub.Tests.Integration;

/// <summary>
/// DVCQG's calls on the province, made by the simulated portal as DVCQG would and held to the contract:
/// the payment look-up (dptracuuthanhtoanhs) answered from the hub's dossiers and payments, and the amendment of a
/// dossier filed on the portal (nhanhsdvcqg), kept once and put back in the agency's inbox.
/// </summary>
public sealed class PortalCallsTests : HubTest
{
    [Fact]
    public async Task A_dossier_awaiting_its_fees_is_answered_with_its_bill_the_same_on_every_repeat()
    {
        var answer = await Hub.Justice.SubmitDossierAsync(Samples.Level4());

        var first = await Hub.Portal.Province.AskPaymentAsync(answer.DossierCode);
        var again = await Hub.Portal.Province.AskPaymentAsync(answer.DossierCode);

        Assert.Equal((HttpStatusCode.OK, 1), (first.Status, first.ErrorCode));
        var bill = first.Body!["message"]!.AsObject();
        Assert.Equal(answer.DossierCode, (string?)bill["MaHoSo"]);
        Assert.Equal(answer.Payment.Amount, (long)bill["SoTien"]!);
        Assert.Equal(
            answer.Payment.Fees.Select(f => (f.Code, f.Name, f.Amount, f.Kind)),
            bill["PhiLePhi"]!.AsArray().Select(f => ((string)f!["MaPhiLePhi"]!, (string)f["TenPhiLePhi"]!, (long)f["SoTien"]!, (int)f["LoaiPhiLePhi"]!)));
        Assert.Equal(TestAgencies.JusticeCode, (string?)bill["MaDonVi"]);
        Assert.True(JsonNode.DeepEquals(first.Body, again.Body));
    }

    [Fact]
    public async Task A_dossier_whose_fees_are_paid_or_that_has_none_owes_nothing()
    {
        var paid = await Hub.Justice.SubmitDossierAsync(Samples.Level4());
        using (var page = await new HttpClient().GetAsync(paid.Payment.PayUrl))
        {
            page.EnsureSuccessStatusCode();
        }
        await Hub.Vnpay.PayAsync(paid.Payment.Reference);
        await Eventually.HoldsAsync(async () => (await Hub.Payments.GetPaymentAsync(new GetPaymentRequest { Payment = paid.Payment.Reference })).State == PaymentState.Paid,
            TimeSpan.FromSeconds(10), "the payment settled");
        var free = Samples.Submission();
        free.Fees.Clear();
        var none = await Hub.Justice.SubmitDossierAsync(free);

        Assert.Equal(0, (await Hub.Portal.Province.AskPaymentAsync(paid.DossierCode)).ErrorCode);
        Assert.Equal(0, (await Hub.Portal.Province.AskPaymentAsync(none.DossierCode)).ErrorCode);
    }

    [Fact]
    public async Task A_dossier_the_province_does_not_hold_or_a_question_without_its_code_is_an_error_with_the_reason()
    {
        var unknown = await Hub.Portal.Province.AskPaymentAsync("000.00.01.H22-991231-9999");
        var blank = await Hub.Portal.Province.AskPaymentAsync("", body: """{"MaHS":"000.00.01.H22-991231-9999"}""");
        var notJson = await Hub.Portal.Province.AskPaymentAsync("", body: "MaHoSo=1");

        Assert.Equal((-1, "Không tìm thấy hồ sơ 000.00.01.H22-991231-9999"), (unknown.ErrorCode, (string?)unknown.Body!["message"]));
        Assert.All([blank, notJson], reply => Assert.Equal((HttpStatusCode.OK, -1), (reply.Status, reply.ErrorCode)));
        Assert.StartsWith("MaHoSo:", (string?)blank.Body!["message"]);
    }

    [Fact]
    public async Task A_caller_without_the_portals_key_is_refused_told_nothing_and_kept_in_the_exchange_log()
    {
        var answer = await Hub.Justice.SubmitDossierAsync(Samples.Level4());

        var forged = await Hub.Portal.Province.AskPaymentAsync(answer.DossierCode, secret: "guessed");
        var bare = await Hub.Portal.Province.AskPaymentAsync(answer.DossierCode, secret: "");

        Assert.All([forged, bare], reply => Assert.Equal((HttpStatusCode.Unauthorized, -1), (reply.Status, reply.ErrorCode)));
        Assert.DoesNotContain("SoTien", forged.Body!.ToJsonString());
        await Eventually.HoldsAsync(async () => await TestPostgres.ScalarAsync<long>(Hub.ConnectionString,
                "SELECT count(*) FROM exchange_log WHERE kind = 3 AND target = 'national-portal' AND operation = 'POST /dvcqg/kpdvcqg/dptracuuthanhtoanhs' AND outcome = 'HTTP 401'") == 2,
            TimeSpan.FromSeconds(10), "both refusals in the exchange log");
    }

    [Fact]
    public async Task An_amendment_of_a_dossier_filed_on_the_portal_is_kept_once_and_puts_it_back_in_the_agencys_inbox()
    {
        var filing = Hub.Portal.Filings.File(TestAgencies.JusticeCode, Samples.ProcedureCode, DateTimeOffset.UtcNow.AddHours(-2), seed: 5, [1_000],
            (HubSettings.Registries.Citizens[5].HoVaTen, HubSettings.Registries.Citizens[5].SoDinhDanh, HubSettings.Registries.Citizens[5].NgaySinh));
        await Hub.RunOnceAsync(PortalIntakeJob.Key);
        var inbox = new InboxService.InboxServiceClient(Hub.Invoker(TestAgencies.JusticeKey));
        await inbox.AcknowledgeArrivalAsync(new AcknowledgeArrivalRequest { DossierCode = filing.Code });
        JsonObject Submitted() => new() { ["HoTen"] = "Nguyễn Văn Bình", ["DiaChi"] = "Tổ 3, phường Minh Khai" };
        JsonObject Amended() => new() { ["DiaChi"] = "Tổ 7, phường Nguyễn Trãi" };

        var first = await Hub.Portal.Province.SendAmendmentAsync(filing.Code, Samples.ProcedureCode, Submitted(), Amended(), "To-khai-sua-doi.pdf", "https://dichvucong.gov.vn/f/123");
        var repeat = await Hub.Portal.Province.SendAmendmentAsync(filing.Code, Samples.ProcedureCode, Submitted(), Amended(), "To-khai-sua-doi.pdf", "https://dichvucong.gov.vn/f/123");

        Assert.Equal((0, 0), (first.ErrorCode, repeat.ErrorCode));
        var waiting = Assert.Single((await inbox.ListArrivalsAsync(new ListArrivalsRequest { AgencyCodes = { TestAgencies.JusticeCode } })).Arrivals);
        Assert.Equal((filing.Code, ""), (waiting.DossierCode, waiting.AcknowledgedBy));
        var amendment = Assert.Single(waiting.Amendments);
        Assert.Equal(("To-khai-sua-doi.pdf", "https://dichvucong.gov.vn/f/123"), (amendment.FileName, amendment.FileUrl));
        Assert.True(JsonNode.DeepEquals(Amended(), JsonNode.Parse(amendment.AmendedJson)));
        Assert.True(JsonNode.DeepEquals(Submitted(), JsonNode.Parse(amendment.SubmittedJson)));
        await Eventually.HoldsAsync(async () => await TestPostgres.ScalarAsync<long>(Hub.ConnectionString,
                "SELECT count(*) FROM exchange_log WHERE kind = 3 AND target = 'national-portal' AND operation = 'POST /dvcqg/nhanhsdvcqg'") == 2,
            TimeSpan.FromSeconds(10), "both calls in the exchange log");
    }

    [Fact]
    public async Task An_amendment_of_a_dossier_not_filed_on_the_portal_without_its_code_or_without_the_key_is_refused_and_keeps_nothing()
    {
        var local = (await Hub.Justice.SubmitDossierAsync(Samples.Submission())).DossierCode;

        var notFiledThere = await Hub.Portal.Province.SendAmendmentAsync(local, Samples.ProcedureCode, [], [], "a.pdf", "https://dichvucong.gov.vn/f/1");
        var noCode = await Hub.Portal.Province.SendAmendmentAsync("", Samples.ProcedureCode, [], [], "a.pdf", "https://dichvucong.gov.vn/f/1", body: """{"data":{"MaHoSo":"x"}}""");
        var forged = await Hub.Portal.Province.SendAmendmentAsync(local, Samples.ProcedureCode, [], [], "a.pdf", "https://dichvucong.gov.vn/f/1", secret: "guessed");

        Assert.Equal((-1, $"Không tìm thấy hồ sơ {local} nộp trên Cổng DVCQG"), (notFiledThere.ErrorCode, (string?)notFiledThere.Body!["message"]));
        Assert.StartsWith("data.MaHoSoQG:", (string?)noCode.Body!["message"]);
        Assert.Equal((HttpStatusCode.Unauthorized, -1), (forged.Status, forged.ErrorCode));
        Assert.Equal(0, await TestPostgres.ScalarAsync<long>(Hub.ConnectionString, "SELECT count(*) FROM portal_amendments"));
    }
}
