using IntegrationHub.Adapters.Sms;
using IntegrationHub.Sandbox.Faults;
using IntegrationHub.Sandbox.Sms;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Tests.Adapters.Conformance;

/// <summary>
/// What every SMS provider must do besides: a send is taken once, with the applicant's number; a refusal is Rejected
/// (another provider may take the notice); a provider that is unavailable is Down (nothing left the hub).
/// </summary>
public abstract class SmsProviderConformanceTests<TSimulator> : AdapterConformanceTests<TSimulator>
    where TSimulator : SmsSimulator
{
    protected const string Secret = "conformance-sms-secret";

    protected const string Text = "Ho so 000.00.01.H22-260101-0001 da duoc tiep nhan. Ngay hen tra ket qua: 23/11/2026.";

    /// <summary>How the provider writes the number +84912345678 on its wire.</summary>
    protected abstract string WirePhone { get; }

    /// <summary>A refusal code or message the provider gives.</summary>
    protected abstract string RefusalCode { get; }

    protected override IServiceCollection AddAdapter(IServiceCollection services, IConfiguration configuration) => services.AddSmsProviders(configuration);

    protected ISmsProvider Provider => Services.GetServices<ISmsProvider>().Single(p => p.Name == AdapterName);

    [Fact]
    public async Task A_send_is_taken_once_with_the_applicants_number_and_text()
    {
        var result = await Provider.SendAsync(new SmsMessage("notice-1", "+84912345678", Text), CancellationToken.None);

        Assert.Equal(SmsSendOutcome.Accepted, result.Outcome);
        var sent = Assert.Single(System.Sent);
        Assert.Equal((WirePhone, Text), (sent.Phone, sent.Content));
    }

    [Fact]
    public async Task A_refusal_is_rejected_so_that_another_provider_may_take_the_notice()
    {
        System.RejectWith = RefusalCode;

        var result = await Provider.SendAsync(new SmsMessage("notice-2", "+84912345678", Text), CancellationToken.None);

        Assert.Equal(SmsSendOutcome.Rejected, result.Outcome);
        Assert.Empty(System.Sent);
    }

    [Fact]
    public async Task An_unavailable_provider_is_down_and_took_nothing()
    {
        System.Faults.Mode = FaultMode.Unavailable;
        System.Faults.Down = true;

        var result = await Provider.SendAsync(new SmsMessage("notice-3", "+84912345678", Text), CancellationToken.None);

        Assert.Equal(SmsSendOutcome.Down, result.Outcome);
        Assert.Empty(System.Sent);
    }
}

public sealed class EsmsConformanceTests : SmsProviderConformanceTests<EsmsSimulator>
{
    protected override string AdapterName => "esms";
    protected override string DisplayName => "eSMS";
    protected override string WirePhone => "0912345678";
    protected override string RefusalCode => "146";
    protected override EsmsSimulator StartSystem() => EsmsSimulator.Start(new SmsSimulatorOptions { Secret = Secret });
}

public sealed class ViettelConformanceTests : SmsProviderConformanceTests<ViettelSimulator>
{
    protected override string AdapterName => "viettel";
    protected override string DisplayName => "Viettel";
    protected override string WirePhone => "84912345678";
    protected override string RefusalCode => "Check template: CONTENT_NOT_MATCH_TEMPLATE";
    protected override ViettelSimulator StartSystem() => ViettelSimulator.Start(new SmsSimulatorOptions { Secret = Secret });
}
