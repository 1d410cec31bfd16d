using IntegrationHub.Adapters.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Tests.Adapters;

/// <summary>The rules every option keeps, checked at start with the key and the reason.</summary>
public sealed class ValidatedOptionsTests
{
    public sealed class Sample
    {
        public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(1);
        public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);
    }

    [Theory]
    [InlineData("00:00:30", "00:00:01", null)]
    [InlineData("00:00:30", "00:00:00", null)]
    [InlineData("00:00:00", "00:00:01", "Sample.CheckInterval is zero: an interval must be above zero")]
    [InlineData("-00:00:01", "00:00:01", "Sample.CheckInterval is -00:00:01: a time span must not be negative")]
    [InlineData("00:00:30", "-00:00:01", "Sample.RetryDelay is -00:00:01: a time span must not be negative")]
    public void A_time_span_is_not_negative_and_an_interval_is_above_zero(string interval, string delay, string? refusal)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sample:CheckInterval"] = interval,
            ["Sample:RetryDelay"] = delay,
        }).Build();
        var collection = new ServiceCollection();
        collection.AddValidatedOptions<Sample>(configuration, "Sample");
        using var provider = collection.BuildServiceProvider();

        var failure = Record.Exception(() => provider.GetRequiredService<IOptions<Sample>>().Value) as OptionsValidationException;

        Assert.Equal(refusal, failure?.Failures.Single());
    }
}
