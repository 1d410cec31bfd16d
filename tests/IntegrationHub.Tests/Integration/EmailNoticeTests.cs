using IntegrationHub.V1;

namespace IntegrationHub.Tests.Integration;

/// <summary>
/// E-mail notices through a real SMTP server (aiosmtpd, started by ./test.sh) with two ports, a primary and
/// a second server: Vietnamese text and HTML, failover, an answer lost, nothing sent twice. Every test ends
/// by asking the server whether any of its addresses got a repeated Message-ID or a malformed message.
/// </summary>
public sealed class EmailNoticeTests : HubTest
{
    private readonly List<string> _addresses = [];

    protected override bool SendsSms => true;

    protected override void Configure(Dictionary<string, string?> settings) => TestMailServer.AddEmail(settings);

    protected override Task<IEnumerable<string>> MoreViolationsAsync() => TestMailServer.ViolationsAsync(_addresses);

    [Fact]
    public async Task A_received_dossier_sends_one_email_in_vietnamese_with_its_code_and_due_date_as_text_and_html()
    {
        var (code, address) = await ReceivedAsync();

        var mail = Assert.Single(await TestMailServer.ArrivedAsync(address, 1));
        Assert.Equal((await TestMailServer.PortAsync(0), $"Hồ sơ {code} đã được tiếp nhận"), (mail.Port, mail.Subject));
        Assert.Equal($"Bộ phận Một cửa <{TestMailServer.From}>", mail.From);
        Assert.Equal(
            $"Hồ sơ {code} đã được tiếp nhận. Ngày hẹn trả kết quả: 23/11/2026.\n\n" +
            "Thư này được gửi tự động từ Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh; xin không trả lời thư này.\n",
            mail.Text.ReplaceLineEndings("\n"));
        Assert.Contains($"<p>Hồ sơ {code} đã được tiếp nhận. Ngày hẹn trả kết quả: 23/11/2026.</p>", mail.Html);
        var notice = await NoticeAsync(code, "Received", NoticeState.Sent);
        Assert.Equal(("email-primary", address, mail.Subject), (notice.Provider, notice.Address, notice.Subject));
        Assert.Contains("queued as", notice.Detail);
        Assert.Matches("^<[0-9a-f]{32}\\.Received\\.[0-9]+\\.email@hagiang\\.gov\\.vn>$", mail.MessageId);
    }

    [Fact]
    public async Task The_same_event_goes_by_sms_and_by_email_once_each()
    {
        var (code, _) = await ReceivedAsync();

        await NoticeAsync(code, "Received", NoticeState.Sent);
        var notices = (await Hub.Justice.GetDossierAsync(new GetDossierRequest { DossierCode = code })).Notices;
        Assert.Equal(["email", "sms"], notices.Where(n => n.Event == "Received").Select(n => n.Channel).Order());
    }

    [Fact]
    public async Task A_supplement_request_tells_what_is_missing()
    {
        var (code, address) = await ReceivedAsync();

        await Hub.Justice.RecordProgressAsync(Samples.Step(code, ProgressAction.RequestSupplement, 2, note: "bản sao giấy chứng sinh"));

        var mail = (await TestMailServer.ArrivedAsync(address, 2))[1];
        Assert.Equal($"Hồ sơ {code} cần bổ sung giấy tờ", mail.Subject);
        Assert.StartsWith($"Hồ sơ {code} cần bổ sung: bản sao giấy chứng sinh.", mail.Text);
    }

    [Fact]
    public async Task An_electronic_result_is_sent_as_a_link_after_the_signed_dossiers_notice()
    {
        var (code, address) = await ReceivedAsync();
        await Hub.Justice.RecordProgressAsync(Samples.Step(code, ProgressAction.Appraise, 2));
        await Hub.Justice.RecordProgressAsync(Samples.Step(code, ProgressAction.Approve, 3));
        await Hub.Justice.RecordProgressAsync(Samples.Step(code, ProgressAction.Sign, 4));

        await Hub.Justice.AttachResultAsync(Samples.Result(code));

        var mails = await TestMailServer.ArrivedAsync(address, 3);
        Assert.Equal([$"Hồ sơ {code} đã được tiếp nhận", $"Hồ sơ {code} đã có kết quả", $"Kết quả điện tử của hồ sơ {code}"], mails.Select(m => m.Subject));
        var mail = mails[2];
        Assert.StartsWith($"Kết quả giải quyết hồ sơ {code} đã được cấp bản điện tử.", mail.Text);
        Assert.Contains("- Giấy khai sinh: https://files.hagiang.gov.vn/kq/125-gks.pdf\n", mail.Text.ReplaceLineEndings("\n"));
        Assert.Contains("<a href=\"https://files.hagiang.gov.vn/kq/125-gks.pdf\">Giấy khai sinh</a>", mail.Html);
    }

    [Fact]
    public async Task A_primary_server_refusing_the_address_hands_the_notice_to_the_second()
    {
        var address = NewAddress();
        await TestMailServer.FaultAsync(address, "refuse", server: 0);

        var (code, _) = await ReceivedAsync(address);

        var mail = Assert.Single(await TestMailServer.ArrivedAsync(address, 1));
        Assert.Equal(await TestMailServer.PortAsync(1), mail.Port);
        Assert.Equal("email-secondary", (await NoticeAsync(code, "Received", NoticeState.Sent)).Provider);
    }

    [Fact]
    public async Task A_primary_server_that_is_unavailable_hands_the_notice_to_the_second()
    {
        var address = NewAddress();
        await TestMailServer.FaultAsync(address, "unavailable", server: 0);

        var (code, _) = await ReceivedAsync(address);

        Assert.Equal(await TestMailServer.PortAsync(1), Assert.Single(await TestMailServer.ArrivedAsync(address, 1)).Port);
        Assert.Equal("email-secondary", (await NoticeAsync(code, "Received", NoticeState.Sent)).Provider);
    }

    [Fact]
    public async Task A_notice_no_server_could_take_is_sent_exactly_once_when_one_returns()
    {
        var address = NewAddress();
        await TestMailServer.FaultAsync(address, "unavailable", server: 0, times: 2);
        await TestMailServer.FaultAsync(address, "unavailable", server: 1, times: 2);

        var (code, _) = await ReceivedAsync(address);

        Assert.Equal("email-primary", (await NoticeAsync(code, "Received", NoticeState.Sent)).Provider);
        await DeliveriesDoneAsync();
        Assert.Single(await TestMailServer.MessagesAsync(address));
    }

    [Fact]
    public async Task An_email_whose_answer_is_lost_is_marked_unconfirmed_and_never_sent_again()
    {
        var address = NewAddress();
        await TestMailServer.FaultAsync(address, "lose-answer", server: 0);

        var (code, _) = await ReceivedAsync(address);

        var notice = await NoticeAsync(code, "Received", NoticeState.Unconfirmed);
        Assert.Equal("email-primary", notice.Provider);
        await DeliveriesDoneAsync();
        Assert.Single(await TestMailServer.MessagesAsync(address));
    }

    [Fact]
    public async Task A_notice_every_server_refuses_fails_for_good_and_is_dead_lettered()
    {
        var address = NewAddress();
        await TestMailServer.FaultAsync(address, "refuse");

        var (code, _) = await ReceivedAsync(address);

        Assert.Equal("every one refused it", (await NoticeAsync(code, "Received", NoticeState.Failed)).Detail);
        await Eventually.HoldsAsync(
            async () => (await Hub.Admin.ListDeadLettersAsync(new ListDeadLettersRequest { Target = "email" })).DeadLetters.Count == 1,
            TimeSpan.FromSeconds(10), "the notice dead-lettered");
        Assert.Empty(await TestMailServer.MessagesAsync(address));
    }

    [Fact]
    public async Task A_notice_handed_to_a_server_before_a_crash_is_not_sent_again()
    {
        var (code, address) = await ReceivedAsync();
        await NoticeAsync(code, "Received", NoticeState.Sent);
        // What the database holds when the hub dies after handing the message over and before recording the answer.
        await TestPostgres.ExecuteAsync(Hub.ConnectionString, "UPDATE notices SET status = 1, provider_message_id = NULL WHERE channel = 'email'");
        await TestPostgres.ExecuteAsync(Hub.ConnectionString, "UPDATE outbox_messages SET status = 0, next_attempt_at = now() WHERE target = 'email'");

        await NoticeAsync(code, "Received", NoticeState.Unconfirmed);
        await DeliveriesDoneAsync();
        Assert.Single(await TestMailServer.MessagesAsync(address));
    }

    [Fact]
    public async Task Every_smtp_server_is_checked_by_a_connection_and_a_noop()
    {
        var health = await Hub.Admin.CheckAdaptersAsync(new CheckAdaptersRequest { Adapters = { "email-primary", "email-secondary" } });

        Assert.Equal(
            [("email-primary", "SMTP", AdapterStatus.Healthy), ("email-secondary", "SMTP", AdapterStatus.Healthy)],
            health.Adapters.Select(a => (a.Name, a.Provider, a.Status)));
    }

    private string NewAddress()
    {
        var address = TestMailServer.NewAddress();
        _addresses.Add(address);
        return address;
    }

    /// <summary>A dossier submitted with the applicant's e-mail address (one of the test's own unless given) and received.</summary>
    private async Task<(string Code, string Address)> ReceivedAsync(string? address = null)
    {
        address ??= NewAddress();
        var submission = Samples.Submission();
        submission.ContactEmail = address;
        var code = (await Hub.Justice.SubmitDossierAsync(submission)).DossierCode;
        await Hub.Justice.RecordProgressAsync(Samples.Step(code, ProgressAction.Receive, 1));
        return (code, address);
    }

    private async Task DeliveriesDoneAsync() => await Eventually.HoldsAsync(
        async () => await TestPostgres.ScalarAsync<long>(Hub.ConnectionString, "SELECT count(*) FROM outbox_messages WHERE target = 'email' AND status = 0") == 0,
        TimeSpan.FromSeconds(10), "no e-mail delivery left pending");

    private async Task<Notice> NoticeAsync(string code, string notice, NoticeState state)
    {
        Notice? found = null;
        await Eventually.HoldsAsync(async () =>
        {
            found = (await Hub.Justice.GetDossierAsync(new GetDossierRequest { DossierCode = code })).Notices.FirstOrDefault(n => n.Channel == "email" && n.Event == notice);
            return found?.State == state;
        }, TimeSpan.FromSeconds(10), $"the {notice} e-mail {state}");
        return found!;
    }
}
