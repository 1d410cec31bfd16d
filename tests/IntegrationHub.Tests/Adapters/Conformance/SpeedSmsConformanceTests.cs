using System.Text;
using System.Net.Http.Json;
using IntegrationHub.Adapters.Sms;
using IntegrationHub.Sandbox.Sms;

namespace IntegrationHub.Tests.Adapters.Conformance;

/// <summary>SpeedSMS, the provider added by following docs/adding-a-national-system.md.</summary>
public sealed class SpeedSmsConformanceTests : SmsProviderConformanceTests<SpeedSmsSimulator>
{
    protected override string AdapterName => "speedsms";
    protected override string DisplayName => "SpeedSMS";
    protected override string WirePhone => "84912345678";
    protected override string RefusalCode => "007";
    protected override SpeedSmsSimulator StartSystem() => SpeedSmsSimulator.Start(new SmsSimulatorOptions { Secret = Secret });

    [Fact]
    public async Task A_taken_message_is_known_by_its_transaction_id_and_its_delivery_is_asked_by_it()
    {
        var sent = await Provider.SendAsync(new SmsMessage("notice-4", "+84912345678", Text), CancellationToken.None);

        var report = await Provider.QueryReportAsync(sent.ProviderMessageId!, CancellationToken.None);

        Assert.Equal((System.Sent[0].RequestId, SmsDeliveryState.Delivered, "status 0"), (report.ProviderMessageId, report.State, report.Detail));
    }

    [Fact]
    public async Task A_text_longer_than_one_sms_is_refused_before_it_leaves_the_hub()
    {
        var result = await Provider.SendAsync(new SmsMessage("notice-5", "+84912345678", new string('a', 161)), CancellationToken.None);

        Assert.Equal(SmsSendOutcome.Rejected, result.Outcome);
        Assert.Empty(System.Sent);
    }

    [Theory]
    [InlineData("""{"type":"report","tranId":123456,"phone":"84912345678","status":0}""", SmsDeliveryState.Delivered)]
    [InlineData("""{"type":"report","tranId":"123456","phone":"84912345678","status":2}""", SmsDeliveryState.Failed)]
    public void A_posted_report_is_read_from_its_body(string body, SmsDeliveryState state)
    {
        var report = Provider.ReadReport(new SmsReportCall(new Dictionary<string, string>(), body));

        Assert.Equal(("123456", state), (report!.ProviderMessageId, report.State));
    }

    [Theory]
    [InlineData("")]
    [InlineData("""{"type":"incoming","tranId":1,"phone":"84912345678","status":0}""")]
    [InlineData("""{"type":"report","phone":"84912345678","status":0}""")]
    [InlineData("not json")]
    public void Anything_but_a_report_is_not_read_as_one(string body)
    {
        Assert.Null(Provider.ReadReport(new SmsReportCall(new Dictionary<string, string>(), body)));
    }

    [Fact]
    public async Task The_simulator_refuses_a_send_without_the_brandname_as_the_contract_demands()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, System.Url + SpeedSmsSimulator.SendPath)
        {
            Content = JsonContent.Create(new { to = new[] { "84912345678" }, content = "x", sms_type = 2, sender = "" }),
        };
        request.Headers.Authorization = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Secret}:x")));

        using var response = await http.SendAsync(request);

        Assert.Contains("\"status\":\"error\"", await response.Content.ReadAsStringAsync());
        Assert.Empty(System.Sent);
    }
}
