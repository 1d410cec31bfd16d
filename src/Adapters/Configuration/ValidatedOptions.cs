using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Adapters.Configuration;

public static class ValidatedOptions
{
    /// <summary>
    /// Options bound from <paramref name="section"/> and checked when the hub starts, not at first use: their data
    /// annotations, and the rules every option of the hub keeps (<see cref="TimeRules{T}"/>). A bad value stops the
    /// start with the key and the reason.
    /// </summary>
    /// <param name="name">For named options, one of several of a kind (an SMTP server): read with <see cref="IOptionsMonitor{T}.Get"/>.</param>
    public static OptionsBuilder<T> AddValidatedOptions<T>(this IServiceCollection services, IConfiguration configuration, string section, string? name = null)
        where T : class
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<T>, TimeRules<T>>());
        return services.AddOptions<T>(name ?? Options.DefaultName).Bind(configuration.GetSection(section)).ValidateDataAnnotations().ValidateOnStart();
    }
}

/// <summary>No time span is negative, and an interval (how often something runs) is above zero: a zero interval would spin.</summary>
public sealed class TimeRules<T> : IValidateOptions<T>
    where T : class
{
    private static readonly PropertyInfo[] Times =
        [.. typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.PropertyType == typeof(TimeSpan) && p.CanRead)];

    public ValidateOptionsResult Validate(string? name, T options)
    {
        var failures = Times.Select(p => (p.Name, Value: (TimeSpan)p.GetValue(options)!)).Select(time =>
                time.Value < TimeSpan.Zero ? $"{typeof(T).Name}.{time.Name} is {time.Value}: a time span must not be negative"
                : time.Name.EndsWith("Interval", StringComparison.Ordinal) && time.Value == TimeSpan.Zero ? $"{typeof(T).Name}.{time.Name} is zero: an interval must be above zero"
                : null)
            .OfType<string>().ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
