namespace IntegrationHub.Hub.Notices;

/// <summary>
/// Notices to applicants, bound from <c>Hub:Notices</c>. Texts are templates with named slots in
/// braces: <c>{DossierCode}</c>, <c>{DueDate}</c> (the date the applicant now waits for), <c>{Reason}</c>, <c>{HowToReceive}</c>,
/// <c>{PaymentReference}</c>.
/// Brandname traffic must match the templates registered with the telcos, so they are configuration.
/// An e-mail says what the SMS says, under its own subject, with links to electronic results and a footer.
/// </summary>
public sealed class NoticeOptions
{
    public const string SectionName = "Hub:Notices";

    public Dictionary<NoticeEvent, string> Templates { get; set; } = new()
    {
        [NoticeEvent.Received] = "Hồ sơ {DossierCode} đã được tiếp nhận. Ngày hẹn trả kết quả: {DueDate}.",
        [NoticeEvent.SupplementRequested] = "Hồ sơ {DossierCode} cần bổ sung: {Reason}.",
        [NoticeEvent.ResultReady] = "Hồ sơ {DossierCode} đã có kết quả. Nhận kết quả {HowToReceive}.",
        [NoticeEvent.PaymentReceived] = "Đã nhận phí, lệ phí hồ sơ {DossierCode} (giao dịch {PaymentReference}). Xin cảm ơn.",
        [NoticeEvent.DueDateRescheduled] = "Xin lỗi ông/bà: hồ sơ {DossierCode} chưa có kết quả đúng hẹn do {Reason}. Ngày hẹn trả mới: {DueDate}.",
    };

    /// <summary>An e-mail's first paragraph where it differs from the SMS template, or where no SMS is sent.</summary>
    public Dictionary<NoticeEvent, string> EmailTemplates { get; set; } = new()
    {
        [NoticeEvent.ElectronicResult] = "Kết quả giải quyết hồ sơ {DossierCode} đã được cấp bản điện tử.",
    };

    /// <summary>E-mail subjects, with the same slots; an event without one sends no e-mail.</summary>
    public Dictionary<NoticeEvent, string> EmailSubjects { get; set; } = new()
    {
        [NoticeEvent.Received] = "Hồ sơ {DossierCode} đã được tiếp nhận",
        [NoticeEvent.SupplementRequested] = "Hồ sơ {DossierCode} cần bổ sung giấy tờ",
        [NoticeEvent.ResultReady] = "Hồ sơ {DossierCode} đã có kết quả",
        [NoticeEvent.PaymentReceived] = "Đã nhận phí, lệ phí hồ sơ {DossierCode}",
        [NoticeEvent.DueDateRescheduled] = "Hồ sơ {DossierCode}: ngày hẹn trả mới {DueDate}",
        [NoticeEvent.ElectronicResult] = "Kết quả điện tử của hồ sơ {DossierCode}",
    };

    /// <summary>Ends every e-mail: where it comes from, and that replies are not read.</summary>
    public string EmailFooter { get; set; } =
        "Thư này được gửi tự động từ Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh; xin không trả lời thư này.";

    /// <summary>
    /// The secret a provider's delivery report must carry as the last segment of its callback URL
    /// (<c>/sms/{provider}/report/{secret}</c>, the URL given to the provider): reports without it are
    /// refused. None: every pushed report is refused and notices learn their fate by the pull job only.
    /// </summary>
    public string? ReportSecret { get; set; }

    /// <summary>How often providers that can be asked (eSMS) are asked about notices sent without a delivery report yet.</summary>
    public TimeSpan ReportPullInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>A notice is asked about once this long has passed without news, which leaves room for the pushed report.</summary>
    public TimeSpan ReportPullAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Notices older than this are no longer asked about (eSMS answers for 7 days).</summary>
    public TimeSpan ReportPullWindow { get; set; } = TimeSpan.FromDays(7);
}
