using IntegrationHub.V1;

namespace IntegrationHub.Tests.Integration;

/// <summary>A provider configured to send Vietnamese as written: Unicode, counted at 70 characters per SMS.</summary>
public sealed class SmsUnicodeTests : HubTest
{
    protected override bool SendsSms => true;

    protected override void Configure(Dictionary<string, string?> settings) => settings["Hub:Adapters:Sms:Esms:WithoutDiacritics"] = "false";

    [Fact]
    public async Task Text_with_diacritics_goes_as_unicode_and_its_segments_are_counted_so()
    {
        var code = (await Hub.Justice.SubmitDossierAsync(Samples.Submission())).DossierCode;
        await Hub.Justice.RecordProgressAsync(Samples.Step(code, ProgressAction.Receive, 1));

        await Eventually.HoldsAsync(() => Hub.Esms.Sent.Count == 1, TimeSpan.FromSeconds(10), "the SMS sent");
        var sms = Hub.Esms.Sent[0];
        var text = $"Hồ sơ {code} đã được tiếp nhận. Ngày hẹn trả kết quả: 23/11/2026.";
        Assert.Equal((text, true), (sms.Content, sms.Unicode));
        Notice? notice = null;
        await Eventually.HoldsAsync(async () =>
        {
            notice = (await Hub.Justice.GetDossierAsync(new GetDossierRequest { DossierCode = code })).Notices.SingleOrDefault();
            return notice?.State is NoticeState.Sent or NoticeState.Delivered;
        }, TimeSpan.FromSeconds(10), "the notice recorded");
        Assert.True(text.Length is > 70 and <= 134, $"{text.Length} characters");
        Assert.Equal(2, notice!.Segments);
    }
}
