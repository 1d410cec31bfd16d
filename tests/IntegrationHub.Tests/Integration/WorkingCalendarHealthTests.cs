using IntegrationHub.Hub.Deadlines;
using IntegrationHub.V1;

namespace IntegrationHub.Tests.Integration;

/// <summary>The working-calendar file, as operators update it: a file that cannot be read leaves the last good calendar in use, and ./hub health says so.</summary>
public sealed class WorkingCalendarHealthTests : HubTest
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"calendar-{Guid.NewGuid():N}.json");

    protected override void Configure(Dictionary<string, string?> settings)
    {
        File.Copy(Path.Combine(AppContext.BaseDirectory, "calendar", "vietnam.json"), _file);
        settings["Hub:Calendar:File"] = _file;
        // The shipped file ends with 2027: the check does not warn about its end here.
        settings["Hub:Calendar:WarnBeforeEnd"] = "1.00:00:00";
    }

    [Fact]
    public async Task A_calendar_file_broken_by_an_update_keeps_the_last_good_one_in_use_and_health_names_the_entry()
    {
        Assert.Equal(AdapterStatus.Healthy, (await CheckAsync()).Status);

        await File.WriteAllTextAsync(_file, """{"validFrom":"2026-01-01","validThrough":"2027-12-31","daysOff":[{"date":"2026-02-30","reason":"x"}]}""");

        var health = await CheckAsync();
        Assert.Equal(AdapterStatus.Unhealthy, health.Status);
        Assert.Contains("daysOff[0].date: '2026-02-30' is not a date as yyyy-MM-dd; the calendar read before (2026-01-01 to 2027-12-31) stays in use", health.Detail);
        Assert.False(Hub.Service<WorkingCalendarSource>().Current.IsWorkingDay(new DateOnly(2026, 9, 1)));

        File.Copy(Path.Combine(AppContext.BaseDirectory, "calendar", "vietnam.json"), _file, overwrite: true);
        Assert.Equal(AdapterStatus.Healthy, (await CheckAsync()).Status);
    }

    private async Task<AdapterHealth> CheckAsync() =>
        (await Hub.Admin.CheckAdaptersAsync(new CheckAdaptersRequest { Adapters = { "working-calendar" } })).Adapters.Single();
}
