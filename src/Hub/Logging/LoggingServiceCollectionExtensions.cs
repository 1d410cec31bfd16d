namespace IntegrationHub.Hub.Logging;

public static class LoggingServiceCollectionExtensions
{
    /// <summary>
    /// Puts <see cref="PersonalDataMaskingLoggerProvider"/> around every logging provider registered so
    /// far (console, debug, a test's capture...). Call it last, once the providers are known.
    /// </summary>
    public static IServiceCollection MaskPersonalDataInLogs(this IServiceCollection services)
    {
        var providers = services.Where(d => d.ServiceType == typeof(ILoggerProvider) && !d.IsKeyedService).ToList();
        foreach (var provider in providers)
        {
            services.Remove(provider);
            services.Add(new ServiceDescriptor(
                typeof(ILoggerProvider), container => new PersonalDataMaskingLoggerProvider(Create(container, provider)), provider.Lifetime));
        }
        return services;
    }

    private static ILoggerProvider Create(IServiceProvider container, ServiceDescriptor descriptor) =>
        (ILoggerProvider)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(container)
            ?? ActivatorUtilities.CreateInstance(container, descriptor.ImplementationType!));
}
