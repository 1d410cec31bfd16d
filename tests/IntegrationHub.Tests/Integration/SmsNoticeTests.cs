using System.Net;
using SmsReportPullJob = IntegrationHub.Hub.Notices.SmsReportPullJob;
using IntegrationHub.Sandbox.Faults;
using IntegrationHub.Sandbox.Sms;
using IntegrationHub.V1;

namespace IntegrationHub.Tests.Integration;

/// <summary>SMS notices to the applicant: texts, providers in priority order, no SMS twice, undeliverable numbers, delivery reports.</summary>
public sealed class SmsNoticeTests : HubTest
{
    protected override bool SendsSms => true;

    [Fact]
    public async Task A_received_dossier_sends_its_code_and_due_date_without_diacritics_in_one_sms()
    {
        var code = await ReceivedAsync();

        var sms = Assert.Single(await SentAsync(Hub.Esms, 1));
        Assert.Equal(("0912345678", $"Ho so {code} da duoc tiep nhan. Ngay hen tra ket qua: 23/11/2026.", false), (sms.Phone, sms.Content, sms.Unicode));
        var notice = await NoticeAsync(code, "Received", NoticeState.Sent);
        Assert.Equal(("esms", 1), (notice.Provider, notice.Segments));
    }

    [Fact]
    public async Task A_supplement_request_sends_the_reason()
    {
        var code = await ReceivedAsync();

        await Hub.Justice.RecordProgressAsync(Samples.Step(code, ProgressAction.RequestSupplement, 2, note: "bản sao giấy chứng sinh"));

        var sms = (await SentAsync(Hub.Esms, 2))[1];
        Assert.Equal($"Ho so {code} can bo sung: ban sao giay chung sinh.", sms.Content);
    }

    [Fact]
    public async Task A_signed_result_sends_how_to_receive_it()
    {
        var code = await ReceivedAsync();
        await Hub.Justice.RecordProgressAsync(Samples.Step(code, ProgressAction.Appraise, 2));
        await Hub.Justice.RecordProgressAsync(Samples.Step(code, ProgressAction.Approve, 3));

        await Hub.Justice.RecordProgressAsync(Samples.Step(code, ProgressAction.Sign, 4));

        var sms = (await SentAsync(Hub.Esms, 2))[1];
        Assert.Equal($"Ho so {code} da co ket qua. Nhan ket qua tai Bo phan Mot cua.", sms.Content);
    }

    [Fact]
    public async Task A_paid_fee_sends_the_payment_reference()
    {
        var answer = await Hub.Justice.SubmitDossierAsync(Samples.Level4());
        using (var page = await new HttpClient().GetAsync(answer.Payment.PayUrl))
        {
            page.EnsureSuccessStatusCode();
        }

        await Hub.Vnpay.PayAsync(answer.Payment.Reference);

        var sms = Assert.Single(await SentAsync(Hub.Esms, 1));
        Assert.Equal($"Da nhan phi, le phi ho so {answer.DossierCode} (giao dich {answer.Payment.Reference}). Xin cam on.", sms.Content);
    }

    [Fact]
    public async Task A_late_dossier_given_a_new_due_date_sends_the_apology_with_the_reason_and_the_new_date()
    {
        var code = await ReceivedAsync();
        var newDueAt = new DateTimeOffset(2030, 1, 15, 3, 0, 0, TimeSpan.Zero);

        await Hub.Justice.RescheduleDossierAsync(Samples.Reschedule(code, newDueAt, "chờ kết quả xác minh"));

        var sms = (await SentAsync(Hub.Esms, 2))[1];
        Assert.Equal($"Xin loi ong/ba: ho so {code} chua co ket qua dung hen do cho ket qua xac minh. Ngay hen tra moi: 15/01/2030.", sms.Content);
        await NoticeAsync(code, "DueDateRescheduled", NoticeState.Sent);
    }

    [Fact]
    public async Task A_rejecting_primary_provider_hands_the_notice_to_the_next_one()
    {
        Hub.Esms.RejectWith = "146";

        var code = await ReceivedAsync();

        var sms = Assert.Single(await SentAsync(Hub.Viettel, 1));
        Assert.Equal("84912345678", sms.Phone);
        Assert.Empty(Hub.Esms.Sent);
        Assert.Equal("viettel", (await NoticeAsync(code, "Received", NoticeState.Sent)).Provider);
    }

    /// <summary>The provider added by following docs/adding-a-national-system.md: reached through the registry, its JSON report POSTed to the hub.</summary>
    [Fact]
    public async Task A_notice_the_first_two_providers_refuse_goes_by_the_third_whose_posted_report_marks_it_delivered()
    {
        Hub.Esms.RejectWith = "146";
        Hub.Viettel.RejectWith = "Check template: CONTENT_NOT_MATCH_TEMPLATE";

        var code = await ReceivedAsync();

        var sms = Assert.Single(await SentAsync(Hub.SpeedSms, 1));
        Assert.Equal(("84912345678", $"Ho so {code} da duoc tiep nhan. Ngay hen tra ket qua: 23/11/2026."), (sms.Phone, sms.Content));
        var notice = await NoticeAsync(code, "Received", NoticeState.Delivered);
        Assert.Equal(("speedsms", "status 0"), (notice.Provider, notice.Detail));
        Assert.Empty(Hub.Esms.Sent);
        Assert.Empty(Hub.Viettel.Sent);
    }

    [Fact]
    public async Task A_primary_provider_that_is_down_hands_the_notice_to_the_next_one()
    {
        Hub.Esms.Faults.Mode = FaultMode.Unavailable;
        Hub.Esms.Faults.Down = true;

        var code = await ReceivedAsync();

        Assert.Single(await SentAsync(Hub.Viettel, 1));
        Assert.Equal("viettel", (await NoticeAsync(code, "Received", NoticeState.Sent)).Provider);
    }

    [Fact]
    public async Task A_notice_no_provider_could_take_waits_and_goes_out_once_when_one_is_back()
    {
        Hub.Esms.Faults.Mode = FaultMode.Unavailable;
        Hub.Esms.Faults.Down = true;
        Hub.Viettel.RejectWith = "Check template: CONTENT_NOT_MATCH_TEMPLATE";
        Hub.SpeedSms.Faults.Mode = FaultMode.Unavailable;
        Hub.SpeedSms.Faults.Down = true;
        var code = await ReceivedAsync();
        await NoticeAsync(code, "Received", NoticeState.Sending);

        Hub.Esms.Faults.Reset();

        Assert.Equal("esms", (await NoticeAsync(code, "Received", NoticeState.Sent)).Provider);
        Assert.Single(Hub.Esms.Sent);
        Assert.Empty(Hub.Viettel.Sent);
        Assert.Empty(Hub.SpeedSms.Sent);
    }

    [Fact]
    public async Task A_timeout_after_the_provider_took_the_sms_is_confirmed_not_sent_again_nor_elsewhere()
    {
        // eSMS takes the message, then answers after the hub's time limit (2 s in tests).
        Hub.Esms.AnswerDelay = TimeSpan.FromSeconds(4);

        var code = await ReceivedAsync();

        var notice = await NoticeAsync(code, "Received", NoticeState.Sent);
        Assert.Equal("esms", notice.Provider);
        Assert.Single(Hub.Esms.Sent);
        Assert.Empty(Hub.Viettel.Sent);
    }

    [Fact]
    public async Task A_notice_left_sending_by_a_crash_after_the_provider_took_it_is_not_sent_twice()
    {
        var code = await ReceivedAsync();
        await NoticeAsync(code, "Received", NoticeState.Delivered);
        // What the database holds when the hub dies after the provider's answer and before recording it.
        await TestPostgres.ExecuteAsync(Hub.ConnectionString, "UPDATE notices SET status = 1, provider_message_id = NULL");
        await TestPostgres.ExecuteAsync(Hub.ConnectionString, "UPDATE outbox_messages SET status = 0, next_attempt_at = now() WHERE target = 'sms'");

        await Eventually.HoldsAsync(
            async () => await TestPostgres.ScalarAsync<long>(Hub.ConnectionString, "SELECT count(*) FROM outbox_messages WHERE target = 'sms' AND status = 0") == 0,
            TimeSpan.FromSeconds(10), "the notice's delivery finished again");

        await NoticeAsync(code, "Received", NoticeState.Sent);
        Assert.Single(Hub.Esms.Sent);
        Assert.Empty(Hub.Viettel.Sent);
    }

    [Fact]
    public async Task A_phone_that_is_not_a_vietnamese_mobile_is_recorded_undeliverable_and_the_dossier_goes_on()
    {
        var code = await ReceivedAsync(phone: "02193 866 455");

        var notice = await NoticeAsync(code, "Received", NoticeState.Undeliverable);
        Assert.Contains("not a Vietnamese mobile number", notice.Detail);
        Assert.Empty(Hub.Esms.Sent);
        await Eventually.HoldsAsync(() => Hub.Portal.Records.Dossier(code) is { Progress.Count: 1 }, TimeSpan.FromSeconds(10), "the step at the portal");
    }

    [Fact]
    public async Task The_providers_delivery_report_is_recorded()
    {
        var code = await ReceivedAsync();

        await NoticeAsync(code, "Received", NoticeState.Delivered);
    }

    [Fact]
    public async Task A_report_without_the_callback_secret_is_refused_changes_nothing_and_is_logged()
    {
        var (code, smsId) = await DeliveredAsync();
        using var http = new HttpClient();

        using var unsigned = await http.GetAsync($"{Hub.HttpAddress}/sms/esms/report?SMSID={smsId}&SendStatus=4");
        using var guessed = await http.GetAsync($"{Hub.HttpAddress}/sms/esms/report/{HubSettings.SmsReportSecret[..^1]}?SMSID={smsId}&SendStatus=4");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.Unauthorized), (unsigned.StatusCode, guessed.StatusCode));
        Assert.Equal("SendStatus 5", (await NoticeAsync(code, "Received", NoticeState.Delivered)).Detail);
        await Eventually.HoldsAsync(async () => await TestPostgres.ScalarAsync<long>(Hub.ConnectionString,
            "SELECT count(*) FROM exchange_log WHERE kind = 3 AND target = 'esms' AND outcome = 'HTTP 401'") == 1, TimeSpan.FromSeconds(10), "the refused report in the exchange log");
    }

    [Fact]
    public async Task A_genuine_report_never_moves_a_delivered_notice_back()
    {
        var (code, smsId) = await DeliveredAsync();
        using var http = new HttpClient();

        using var late = await http.GetAsync($"{Hub.HttpAddress}/sms/esms/report/{HubSettings.SmsReportSecret}?SMSID={smsId}&SendStatus=4");

        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Equal("SendStatus 5", (await NoticeAsync(code, "Received", NoticeState.Delivered)).Detail);
    }

    [Fact]
    public async Task A_dossier_without_a_contact_phone_sends_nothing()
    {
        var code = await ReceivedAsync(phone: "");

        await Eventually.HoldsAsync(() => Hub.Portal.Records.Dossier(code) is { Progress.Count: 1 }, TimeSpan.FromSeconds(10), "the step at the portal");
        Assert.Empty((await Hub.Justice.GetDossierAsync(new GetDossierRequest { DossierCode = code })).Notices);
        Assert.Empty(Hub.Esms.Sent);
    }

    [Fact]
    public async Task A_delivery_report_that_never_came_is_pulled_from_the_provider()
    {
        Hub.Esms.LoseReports = true;
        var code = await ReceivedAsync();
        await NoticeAsync(code, "Received", NoticeState.Sent);

        await Hub.RunOnceAsync(SmsReportPullJob.Key);

        Assert.Equal("SendStatus 5", (await NoticeAsync(code, "Received", NoticeState.Delivered)).Detail);
    }

    [Fact]
    public async Task A_message_the_telco_refused_is_recorded_failed_from_its_report()
    {
        Hub.Esms.DeliveryFails = true;

        var code = await ReceivedAsync();

        Assert.Equal("SendStatus 4", (await NoticeAsync(code, "Received", NoticeState.Failed)).Detail);
    }

    [Fact]
    public async Task Every_provider_is_checked_by_its_balance_query()
    {
        var health = await Hub.Admin.CheckAdaptersAsync(new CheckAdaptersRequest { Adapters = { "esms", "viettel", "speedsms" } });

        Assert.Equal(
            [("esms", "eSMS", AdapterStatus.Healthy), ("viettel", "Viettel", AdapterStatus.Healthy), ("speedsms", "SpeedSMS", AdapterStatus.Healthy)],
            health.Adapters.Select(a => (a.Name, a.Provider, a.Status)));
    }

    [Fact]
    public async Task A_provider_that_is_down_shows_unhealthy()
    {
        Hub.Viettel.Faults.Down = true;

        var health = await Hub.Admin.CheckAdaptersAsync(new CheckAdaptersRequest { Adapters = { "viettel" } });

        Assert.Equal((AdapterStatus.Unhealthy, "HTTP 500"), (health.Adapters[0].Status, health.Adapters[0].Detail));
    }

    /// <summary>A dossier submitted (with the sample's phone, unless another is given) and received.</summary>
    private async Task<string> ReceivedAsync(string? phone = null)
    {
        var submission = Samples.Submission();
        submission.ContactPhone = phone ?? submission.ContactPhone;
        var code = (await Hub.Justice.SubmitDossierAsync(submission)).DossierCode;
        await Hub.Justice.RecordProgressAsync(Samples.Step(code, ProgressAction.Receive, 1));
        return code;
    }

    /// <summary>A dossier received and its notice reported delivered; the notice's message id at the provider.</summary>
    private async Task<(string Code, string SmsId)> DeliveredAsync()
    {
        var code = await ReceivedAsync();
        await NoticeAsync(code, "Received", NoticeState.Delivered);
        return (code, await TestPostgres.ScalarAsync<string>(Hub.ConnectionString, "SELECT provider_message_id FROM notices"));
    }

    private static async Task<IReadOnlyList<SentSms>> SentAsync(SmsSimulator provider, int count)
    {
        await Eventually.HoldsAsync(() => provider.Sent.Count >= count, TimeSpan.FromSeconds(10), $"{count} SMS sent");
        return provider.Sent;
    }

    private async Task<Notice> NoticeAsync(string code, string notice, NoticeState state)
    {
        Notice? found = null;
        await Eventually.HoldsAsync(async () =>
        {
            found = (await Hub.Justice.GetDossierAsync(new GetDossierRequest { DossierCode = code })).Notices.FirstOrDefault(n => n.Channel == "sms" && n.Event == notice);
            // A delivered notice was sent: its report may arrive before the test looks.
            return found?.State == state || (state == NoticeState.Sent && found?.State == NoticeState.Delivered);
        }, TimeSpan.FromSeconds(10), $"the {notice} notice {state}");
        return found!;
    }
}
