using IntegrationHub.Adapters.Configuration;
using IntegrationHub.Adapters.Exchanges;
using IntegrationHub.Hub.Idempotency;
using IntegrationHub.Hub.Jobs;

namespace IntegrationHub.Hub.Audit;

public static class AuditServiceCollectionExtensions
{
    /// <summary>
    /// The tamper-evident exchange log: the recorder every adapter and agency write call reports to, its
    /// writer, the chainer that links entries into the hash chain, the seal key, its anchors outside the database (a file, a time-stamping authority) and the verifier. The seal
    /// job is scheduled with the hub's other jobs. Registered early, so that its writer stops last and
    /// keeps what the others logged while stopping.
    /// </summary>
    public static IServiceCollection AddExchangeLog(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<AuditOptions>(configuration, AuditOptions.SectionName);
        services.AddRecurringJob<ExchangeSealJob>(ExchangeSealJob.Key, configuration.Options<AuditOptions>(AuditOptions.SectionName).SealInterval);
        services.AddSingleton<ExchangeLogWriter>();
        services.AddSingleton<IExchangeRecorder>(container => container.GetRequiredService<ExchangeLogWriter>());
        services.AddHostedService(container => container.GetRequiredService<ExchangeLogWriter>());
        services.AddSingleton<ExchangeLogChainer>();
        services.AddHostedService(container => container.GetRequiredService<ExchangeLogChainer>());
        services.AddSingleton<SealKey>();
        services.AddSingleton<SealAnchorFile>();
        services.AddHttpClient(TimestampAuthority.ClientName, http => http.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<TimestampAuthority>();
        services.AddSingleton<ExchangeLogVerifier>();
        services.AddScoped<AgencyWriteJournal>();
        services.AddScoped<IWriteJournal>(container => container.GetRequiredService<AgencyWriteJournal>());
        return services;
    }
}
