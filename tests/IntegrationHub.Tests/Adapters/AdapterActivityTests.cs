namespace IntegrationHub.Tests.Adapters;

/// <summary>What an adapter's activity tells the rest of the hub about its system coming back.</summary>
public sealed class AdapterActivityTests
{
    [Fact]
    public void Recovered_is_raised_by_the_first_success_after_a_failure_only()
    {
        var activity = TestActivities.Of("test");
        var raised = 0;
        activity.Recovered += () => raised++;

        activity.Succeeded(TimeSpan.Zero);
        Assert.Equal(0, raised);
        activity.Failed("HTTP 503", TimeSpan.Zero);
        activity.Failed("HTTP 503", TimeSpan.Zero);
        Assert.Equal(0, raised);
        activity.Succeeded(TimeSpan.Zero);
        Assert.Equal(1, raised);
        activity.Succeeded(TimeSpan.Zero);
        Assert.Equal(1, raised);
        activity.Failed("timed out", TimeSpan.Zero);
        activity.Succeeded(TimeSpan.Zero);
        Assert.Equal(2, raised);
    }
}
