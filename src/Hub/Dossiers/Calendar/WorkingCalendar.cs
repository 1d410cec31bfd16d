namespace IntegrationHub.Hub.Dossiers.Calendar;

/// <summary>A day that is not what its weekday says: a day off on a weekday, or a working Saturday.</summary>
public sealed record CalendarDay(DateOnly Date, string Reason);

/// <summary>A date the calendar does not reach: it cannot say whether that day is worked.</summary>
public sealed class CalendarRangeException(string message) : Exception(message);

/// <summary>
/// The working days of Vietnam's state agencies between <see cref="ValidFrom"/> and <see cref="ValidThrough"/>.
/// Saturdays and Sundays are off (Quyết định 188/1999/QĐ-TTg, the 40-hour week). The public holidays of the Labour
/// Code 2019 (Bộ luật Lao động, Điều 112) are computed: 1 January; Tết Nguyên đán, five days, taken as the last day of
/// the lunar year and the first four of the new one; Giỗ Tổ Hùng Vương, 10th day of the 3rd lunar month; 30 April;
/// 1 May; 2 September. A holiday on a weekend gives the next working day off (nghỉ bù, Điều 112 khoản 3). What
/// each year's decisions add (the day next to 2 September, days off bridged to a weekend, the Saturdays worked in
/// exchange) comes from <paramref name="daysOff"/> and <paramref name="workingDays"/>, which override the rest.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly Dictionary<DateOnly, string> _off = [];
    private readonly Dictionary<DateOnly, string> _worked = [];

    public WorkingCalendar(DateOnly validFrom, DateOnly validThrough, IEnumerable<CalendarDay> daysOff, IEnumerable<CalendarDay> workingDays)
    {
        if (validThrough < validFrom)
        {
            throw new ArgumentException($"the calendar ends ({validThrough:yyyy-MM-dd}) before it begins ({validFrom:yyyy-MM-dd})");
        }
        (ValidFrom, ValidThrough) = (validFrom, validThrough);
        for (var year = validFrom.Year; year <= validThrough.Year; year++)
        {
            foreach (var holiday in StatutoryHolidays(year))
            {
                _off.TryAdd(holiday.Date, holiday.Reason);
            }
        }
        foreach (var holiday in _off.Where(h => IsWeekend(h.Key)).OrderBy(h => h.Key).ToList())
        {
            var day = holiday.Key.AddDays(1);
            while (IsWeekend(day) || _off.ContainsKey(day))
            {
                day = day.AddDays(1);
            }
            _off[day] = $"nghỉ bù {holiday.Value}";
        }
        foreach (var day in daysOff)
        {
            _off[day.Date] = day.Reason;
        }
        foreach (var day in workingDays)
        {
            _off.Remove(day.Date);
            _worked[day.Date] = day.Reason;
        }
    }

    public DateOnly ValidFrom { get; }

    public DateOnly ValidThrough { get; }

    /// <summary>The public holidays the Labour Code fixes for a year (Điều 112), before weekends move any of them.</summary>
    public static IReadOnlyList<CalendarDay> StatutoryHolidays(int year)
    {
        var tet = LunarCalendar.NewYear(year);
        return
        [
            new(new DateOnly(year, 1, 1), "Tết Dương lịch"),
            new(tet.AddDays(-1), "Tết Nguyên đán"),
            .. Enumerable.Range(0, 4).Select(i => new CalendarDay(tet.AddDays(i), "Tết Nguyên đán")),
            new(LunarCalendar.ToSolar(10, 3, year), "Giỗ Tổ Hùng Vương"),
            new(new DateOnly(year, 4, 30), "Ngày Chiến thắng"),
            new(new DateOnly(year, 5, 1), "Ngày Quốc tế Lao động"),
            new(new DateOnly(year, 9, 2), "Quốc khánh"),
        ];
    }

    /// <exception cref="CalendarRangeException">The day is outside the calendar.</exception>
    public bool IsWorkingDay(DateOnly day) => WhyOff(day) is null;

    /// <summary>Why the day is not worked (a weekend, a holiday by name); null for a working day.</summary>
    /// <exception cref="CalendarRangeException">The day is outside the calendar.</exception>
    public string? WhyOff(DateOnly day)
    {
        if (day < ValidFrom || day > ValidThrough)
        {
            throw new CalendarRangeException(
                $"the working calendar covers {ValidFrom:yyyy-MM-dd} to {ValidThrough:yyyy-MM-dd}; {day:yyyy-MM-dd} is outside it (update the calendar file)");
        }
        return _worked.ContainsKey(day) ? null
            : _off.TryGetValue(day, out var reason) ? reason
            : IsWeekend(day) ? (day.DayOfWeek == DayOfWeek.Saturday ? "thứ Bảy" : "Chủ nhật")
            : null;
    }

    /// <summary>The <paramref name="count"/>-th working day after <paramref name="start"/> (not counting it).</summary>
    /// <exception cref="CalendarRangeException">That day lies beyond the calendar.</exception>
    public DateOnly AddWorkingDays(DateOnly start, int count)
    {
        var day = start;
        for (var worked = 0; worked < count;)
        {
            day = day.AddDays(1);
            worked += IsWorkingDay(day) ? 1 : 0;
        }
        return day;
    }

    /// <summary>The working days after <paramref name="start"/> up to and including <paramref name="end"/>.</summary>
    /// <exception cref="CalendarRangeException">A day between them lies beyond the calendar.</exception>
    public int WorkingDaysBetween(DateOnly start, DateOnly end)
    {
        var count = 0;
        for (var day = start.AddDays(1); day <= end; day = day.AddDays(1))
        {
            count += IsWorkingDay(day) ? 1 : 0;
        }
        return count;
    }

    /// <summary>The first working day on or after <paramref name="day"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly day)
    {
        while (!IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }
        return day;
    }

    private static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
