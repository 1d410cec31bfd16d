using IntegrationHub.Hub.Deadlines;

namespace IntegrationHub.Tests.Domain;

/// <summary>The calendar file operators update: read into the working calendar, or refused with the entry and the reason.</summary>
public sealed class CalendarFileTests
{
    [Fact]
    public void The_shipped_calendar_reads_and_covers_this_year_and_the_next()
    {
        var calendar = CalendarFile.Read(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "calendar", "vietnam.json")));

        Assert.Equal((new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 31)), (calendar.ValidFrom, calendar.ValidThrough));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 9, 1)));
        // Tết 2027 begins on a Saturday: its weekend days are given back on the Wednesday and Thursday after.
        Assert.Equal("nghỉ bù Tết Nguyên đán", calendar.WhyOff(new DateOnly(2027, 2, 10)));
    }

    [Theory]
    [InlineData("""{"validFrom":"2026-01-01","validThrough":"2026-12-31","daysOff":[{"date":"2026-13-01","reason":"x"}]}""", "daysOff[0].date: '2026-13-01' is not a date as yyyy-MM-dd")]
    [InlineData("""{"validFrom":"2026-01-01","validThrough":"2026-12-31","daysOff":[{"date":"2026-09-01","reason":"x"}],"workingDays":[{"date":"2026-09-01","reason":"y"}]}""", "workingDays[0].date 2026-09-01 is also daysOff[0]")]
    [InlineData("""{"validFrom":"2026-01-01","validThrough":"2026-12-31","daysOff":[{"date":"2026-09-01","reason":"x"},{"date":"2026-09-01","reason":"x"}]}""", "daysOff[1].date 2026-09-01 is also daysOff[0]")]
    [InlineData("""{"validFrom":"2026-01-01","validThrough":"2026-12-31","daysOff":[{"date":"2027-01-02","reason":"x"}]}""", "daysOff[0].date 2027-01-02 is outside validFrom..validThrough")]
    [InlineData("""{"validFrom":"2026-01-01","validThrough":"2026-12-31","daysOff":[{"date":"2026-09-01"}]}""", "daysOff[0].reason is required")]
    [InlineData("""{"validFrom":"2026-12-31","validThrough":"2026-01-01"}""", "validThrough 2026-01-01 is before validFrom 2026-12-31")]
    [InlineData("""{"validThrough":"2026-01-01"}""", "validFrom: '' is not a date as yyyy-MM-dd")]
    [InlineData("""[1, 2]""", "not JSON")]
    public void A_malformed_repeated_contradicted_or_outlying_entry_is_refused_by_name(string json, string refusal)
    {
        Assert.StartsWith(refusal, Assert.Throws<CalendarFileException>(() => CalendarFile.Read(json)).Message);
    }
}
