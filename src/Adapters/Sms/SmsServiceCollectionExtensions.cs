using IntegrationHub.Adapters.Http;
using IntegrationHub.Adapters.Sms.Esms;
using IntegrationHub.Adapters.Sms.SpeedSms;
using IntegrationHub.Adapters.Sms.Viettel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Adapters.Sms;

public static class SmsServiceCollectionExtensions
{
    /// <summary>Where each provider's section lives: <c>Hub:Adapters:Sms:&lt;name&gt;</c>.</summary>
    public const string SectionName = "Hub:Adapters:Sms";

    /// <summary>Whether any SMS provider is configured.</summary>
    public static bool AnyConfigured(IConfiguration configuration) => configuration.GetSection(SectionName).GetChildren().Any();

    /// <summary>
    /// Every SMS provider the hub can speak; configuration chooses which run: each section under
    /// <c>Hub:Adapters:Sms</c> starts the provider of that name, and a section no provider owns stops the start.
    /// </summary>
    public static IServiceCollection AddSmsProviders(this IServiceCollection services, IConfiguration configuration) =>
        new SmsProviderRegistry(services, configuration)
            .Add<EsmsProvider, EsmsOptions, IEsmsApi>(EsmsProvider.ProviderName, "eSMS", WireJson.AsDeclared)
            .Add<ViettelProvider, ViettelOptions, IViettelSmsApi>(ViettelProvider.ProviderName, "Viettel")
            .Add<SpeedSmsProvider, SpeedSmsOptions, ISpeedSmsApi>(SpeedSmsProvider.ProviderName, "SpeedSMS", WireJson.AsDeclared)
            .Complete();
}
