using IntegrationHub.Hub.Deadlines;
using IntegrationHub.Hub.Dossiers.Calendar;

namespace IntegrationHub.Tests.Domain;

/// <summary>Known answers for the date promised at receipt: working and calendar days, a late receipt, a day off, Tết, a make-up Saturday.</summary>
public sealed class DueDateTests
{
    private static readonly WorkingCalendar Calendar = new(new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 31), [], []);
    private static readonly DeadlineOptions Rules = new();

    [Theory]
    [InlineData("2026-12-01T09:00:00+07:00", 10, "Ngày làm việc", "2026-12-15T17:00:00+07:00")] // two weekends
    [InlineData("2026-02-13T09:00:00+07:00", 3, "Ngày làm việc", "2026-02-25T17:00:00+07:00")] // Tết 2026 and its weekend
    [InlineData("2026-02-13T16:00:00+07:00", 3, "Ngày làm việc", "2026-02-26T17:00:00+07:00")] // received after 15:00: counts from the next working day
    [InlineData("2026-03-07T10:00:00+07:00", 2, "Ngày làm việc", "2026-03-11T17:00:00+07:00")] // received on a Saturday
    [InlineData("2026-04-20T09:00:00+07:00", 15, "Ngày", "2026-05-05T17:00:00+07:00")] // calendar days
    [InlineData("2026-04-15T09:00:00+07:00", 15, "Ngày", "2026-05-04T17:00:00+07:00")] // the last day is 30/4: the next working day
    [InlineData("2026-12-01T09:00:00+07:00", 16, "Giờ", "2026-12-03T17:00:00+07:00")] // hours, as working days of 8
    public void The_due_date_is_counted_on_the_working_calendar(string received, int amount, string unit, string due)
    {
        Assert.Equal(DateTimeOffset.Parse(due), DueDates.Due(Calendar, Rules, DateTimeOffset.Parse(received), amount, unit));
    }

    [Fact]
    public void A_saturday_decided_a_working_day_is_counted()
    {
        var decided = new WorkingCalendar(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), [], [new CalendarDay(new DateOnly(2026, 3, 7), "làm bù")]);

        Assert.Equal(DateTimeOffset.Parse("2026-03-07T17:00:00+07:00"), DueDates.Due(decided, Rules, DateTimeOffset.Parse("2026-03-05T09:00:00+07:00"), 2, "Ngày làm việc"));
    }

    [Fact]
    public void A_due_date_beyond_the_calendar_is_refused()
    {
        Assert.Throws<CalendarRangeException>(() => DueDates.Due(Calendar, Rules, DateTimeOffset.Parse("2027-12-20T09:00:00+07:00"), 30, "Ngày làm việc"));
    }
}
