using IntegrationHub.Hub.Dossiers.Calendar;

namespace IntegrationHub.Tests.Domain;

/// <summary>Known answers: the Vietnamese lunar calendar (UTC+7), the public holidays it places, and working days across them.</summary>
public sealed class WorkingCalendarTests
{
    private static readonly WorkingCalendar Calendar = new(new DateOnly(2024, 1, 1), new DateOnly(2027, 12, 31), [], []);

    [Theory]
    [InlineData(1985, "1985-01-21")]
    [InlineData(2024, "2024-02-10")]
    [InlineData(2025, "2025-01-29")]
    [InlineData(2026, "2026-02-17")]
    [InlineData(2027, "2027-02-06")]
    public void Tet_falls_where_the_vietnamese_calendar_puts_it(int year, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected), LunarCalendar.NewYear(year));
    }

    /// <summary>Reckoned at UTC+8, as China does, 1985's new moon of the first month falls a month later.</summary>
    [Fact]
    public void Tet_1985_was_a_month_later_in_china()
    {
        Assert.Equal(new DateOnly(1985, 2, 20), LunarCalendar.NewYear(1985, timeZone: 8));
    }

    [Theory]
    [InlineData(2024, "2024-04-18")]
    [InlineData(2025, "2025-04-07")]
    [InlineData(2026, "2026-04-26")]
    public void Hung_kings_day_is_the_tenth_of_the_third_lunar_month(int year, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected), LunarCalendar.ToSolar(10, 3, year));
    }

    [Theory]
    [InlineData("2026-02-16", "Tết Nguyên đán")] // the last day of the lunar year
    [InlineData("2026-02-20", "Tết Nguyên đán")] // the fourth of the new one
    [InlineData("2026-02-21", "thứ Bảy")]
    [InlineData("2026-04-27", "nghỉ bù Giỗ Tổ Hùng Vương")] // 10/3 lunar is a Sunday in 2026
    [InlineData("2026-04-30", "Ngày Chiến thắng")]
    [InlineData("2026-09-02", "Quốc khánh")]
    [InlineData("2026-02-23", null)]
    public void Holidays_weekends_and_days_in_lieu_are_off(string day, string? why)
    {
        Assert.Equal(why, Calendar.WhyOff(DateOnly.Parse(day)));
    }

    [Theory]
    [InlineData("2026-02-13", 3, "2026-02-25")] // across Tết 2026 and the weekend after it
    [InlineData("2026-03-05", 2, "2026-03-09")] // across a weekend
    [InlineData("2026-04-24", 1, "2026-04-28")] // across a weekend and Giỗ Tổ's day in lieu
    [InlineData("2026-04-29", 1, "2026-05-04")] // 30/4, 1/5 and the weekend
    public void Working_days_are_counted_after_the_start_across_days_off(string start, int days, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected), Calendar.AddWorkingDays(DateOnly.Parse(start), days));
    }

    [Fact]
    public void A_saturday_decided_a_working_day_counts_and_a_decided_day_off_does_not()
    {
        var decided = new WorkingCalendar(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31),
            [new CalendarDay(new DateOnly(2026, 9, 1), "Quốc khánh (ngày liền kề)")],
            [new CalendarDay(new DateOnly(2026, 3, 7), "làm bù")]);

        Assert.Equal(new DateOnly(2026, 3, 7), decided.AddWorkingDays(new DateOnly(2026, 3, 5), 2));
        Assert.Equal(new DateOnly(2026, 9, 3), decided.AddWorkingDays(new DateOnly(2026, 8, 31), 1));
    }

    [Fact]
    public void A_day_beyond_the_calendar_is_refused_rather_than_guessed()
    {
        var refusal = Assert.Throws<CalendarRangeException>(() => Calendar.AddWorkingDays(new DateOnly(2027, 12, 28), 5));

        Assert.Contains("2024-01-01 to 2027-12-31", refusal.Message);
    }
}
