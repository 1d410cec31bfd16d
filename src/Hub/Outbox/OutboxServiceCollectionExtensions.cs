using IntegrationHub.Adapters.Configuration;
using IntegrationHub.Hub.Jobs;

namespace IntegrationHub.Hub.Outbox;

public static class OutboxServiceCollectionExtensions
{
    /// <summary>The transactional outbox and its dispatcher. Each target adds itself with <see cref="AddOutboxTarget"/>.</summary>
    public static IServiceCollection AddOutbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<OutboxOptions>(configuration, OutboxOptions.SectionName)
            .Validate(o => o.ClaimLease > 2 * o.LeaseMargin && o.LeaseMargin > TimeSpan.Zero, "Hub:Outbox:ClaimLease must be more than twice LeaseMargin, and LeaseMargin above zero");
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxBacklog>();
        services.AddHostedSingleton<OutboxBacklogMonitor>();
        services.AddSingleton<OutboxMetrics>();
        services.AddSingleton<OutcomeRecorder>();
        services.AddSingleton<TargetAdapters>();
        services.AddHostedSingleton<TargetRecovery>();
        services.AddHostedSingleton<OutboxDispatcher>();
        services.AddRecurringJob<StrandedChangesJob>(
            StrandedChangesJob.Key, configuration.Options<OutboxOptions>(OutboxOptions.SectionName).StrandedCheckInterval);
        return services;
    }

    /// <summary>
    /// A target the outbox delivers to: <typeparamref name="TSubscriber"/> writes its rows with each change it
    /// subscribes to (as every <see cref="IOutboxSubscriber{TChange}"/> it implements), <typeparamref name="THandler"/>
    /// (keyed by <paramref name="target"/>) delivers them. While the circuit of <paramref name="adapter"/>, when given,
    /// refuses calls in this process, the target's rows are left to other instances (<see cref="TargetAdapters.Paused"/>).
    /// </summary>
    public static IServiceCollection AddOutboxTarget<TSubscriber, THandler>(this IServiceCollection services, string target, string? adapter = null)
        where TSubscriber : class
        where THandler : class, IOutboxHandler
    {
        var subscriptions = typeof(TSubscriber).GetInterfaces()
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IOutboxSubscriber<>)).ToList();
        if (subscriptions.Count == 0)
        {
            throw new InvalidOperationException($"{typeof(TSubscriber).Name} subscribes to no change: it implements no IOutboxSubscriber<TChange>.");
        }
        services.AddSingleton(new OutboxTarget(target, adapter));
        services.AddSingleton<TSubscriber>();
        foreach (var subscription in subscriptions)
        {
            services.AddSingleton(subscription, container => container.GetRequiredService<TSubscriber>());
        }
        services.AddKeyedScoped<IOutboxHandler, THandler>(target);
        return services;
    }
}
