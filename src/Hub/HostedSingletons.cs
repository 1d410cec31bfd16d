namespace IntegrationHub.Hub;

public static class HostedSingletons
{
    /// <summary>One instance of <typeparamref name="T"/>, both a service others call and a hosted service the host starts and stops.</summary>
    public static IServiceCollection AddHostedSingleton<T>(this IServiceCollection services) where T : class, IHostedService =>
        services.AddSingleton<T>().AddHostedService(provider => provider.GetRequiredService<T>());
}
