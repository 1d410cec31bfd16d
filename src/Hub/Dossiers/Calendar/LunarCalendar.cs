namespace IntegrationHub.Hub.Dossiers.Calendar;

/// <summary>
/// The lunisolar calendar as Vietnam keeps it: months begin on the day of the new moon and the year's months are
/// placed by the sun's longitude, all reckoned at UTC+7 (Hồ Ngọc Đức's astronomical algorithm, after Jean Meeus,
/// "Astronomical Algorithms"). China reckons at UTC+8, so some dates differ: Tết 1985 fell on 21 January in Vietnam
/// and 20 February in China.
/// </summary>
public static class LunarCalendar
{
    /// <summary>Vietnam's reckoning.</summary>
    public const double VietnamTimeZone = 7.0;

    private const double SynodicMonth = 29.530588853;

    /// <summary>The solar date of a lunar date (<paramref name="leap"/>: in the leap month of that number).</summary>
    /// <exception cref="ArgumentException">The year has no leap month of that number.</exception>
    public static DateOnly ToSolar(int lunarDay, int lunarMonth, int lunarYear, bool leap = false, double timeZone = VietnamTimeZone)
    {
        var (a11, b11) = lunarMonth < 11
            ? (LunarMonth11(lunarYear - 1, timeZone), LunarMonth11(lunarYear, timeZone))
            : (LunarMonth11(lunarYear, timeZone), LunarMonth11(lunarYear + 1, timeZone));
        var k = (int)Math.Floor(0.5 + (a11 - 2415021.076998695) / SynodicMonth);
        var offset = lunarMonth - 11;
        if (offset < 0)
        {
            offset += 12;
        }
        if (b11 - a11 > 365)
        {
            var leapOffset = LeapMonthOffset(a11, timeZone);
            var leapMonth = leapOffset - 2;
            if (leapMonth < 0)
            {
                leapMonth += 12;
            }
            if (leap && lunarMonth != leapMonth)
            {
                throw new ArgumentException($"lunar year {lunarYear} has no leap month {lunarMonth}");
            }
            if (leap || offset >= leapOffset)
            {
                offset++;
            }
        }
        else if (leap)
        {
            throw new ArgumentException($"lunar year {lunarYear} has no leap month");
        }
        return FromJulianDay(NewMoonDay(k + offset, timeZone) + lunarDay - 1);
    }

    /// <summary>Tết Nguyên đán: the first day of the lunar year.</summary>
    public static DateOnly NewYear(int year, double timeZone = VietnamTimeZone) => ToSolar(1, 1, year, timeZone: timeZone);

    /// <summary>The last day of the lunar year before <paramref name="year"/>'s (29 or 30 tháng Chạp).</summary>
    public static DateOnly NewYearsEve(int year, double timeZone = VietnamTimeZone) => NewYear(year, timeZone).AddDays(-1);

    private static int JulianDay(int day, int month, int year)
    {
        var a = (14 - month) / 12;
        var y = year + 4800 - a;
        var m = month + 12 * a - 3;
        return day + (153 * m + 2) / 5 + 365 * y + y / 4 - y / 100 + y / 400 - 32045;
    }

    private static DateOnly FromJulianDay(int jd)
    {
        var a = jd + 32044;
        var b = (4 * a + 3) / 146097;
        var c = a - b * 146097 / 4;
        var d = (4 * c + 3) / 1461;
        var e = c - 1461 * d / 4;
        var m = (5 * e + 2) / 153;
        return new DateOnly(b * 100 + d - 4800 + m / 10, m + 3 - 12 * (m / 10), e - (153 * m + 2) / 5 + 1);
    }

    /// <summary>The Julian day number of the k-th new moon after 1900-01-01, at the time zone given.</summary>
    private static int NewMoonDay(int k, double timeZone) => (int)Math.Floor(NewMoon(k) + 0.5 + timeZone / 24);

    private static double NewMoon(int k)
    {
        var t = k / 1236.85;
        var (t2, t3, dr) = (t * t, t * t * t, Math.PI / 180);
        var jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
            + 0.00033 * Math.Sin((166.56 + 132.87 * t - 0.009173 * t2) * dr);
        var m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
        var mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
        var f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
        var c1 = (0.1734 - 0.000393 * t) * Math.Sin(m * dr) + 0.0021 * Math.Sin(2 * dr * m)
            - 0.4068 * Math.Sin(mpr * dr) + 0.0161 * Math.Sin(dr * 2 * mpr)
            - 0.0004 * Math.Sin(dr * 3 * mpr)
            + 0.0104 * Math.Sin(dr * 2 * f) - 0.0051 * Math.Sin(dr * (m + mpr))
            - 0.0074 * Math.Sin(dr * (m - mpr)) + 0.0004 * Math.Sin(dr * (2 * f + m))
            - 0.0004 * Math.Sin(dr * (2 * f - m)) - 0.0006 * Math.Sin(dr * (2 * f + mpr))
            + 0.0010 * Math.Sin(dr * (2 * f - mpr)) + 0.0005 * Math.Sin(dr * (2 * mpr + m));
        var deltaT = t < -11
            ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
            : -0.000278 + 0.000265 * t + 0.000262 * t2;
        return jd1 + c1 - deltaT;
    }

    /// <summary>Which of the 12 thirty-degree arcs the sun's longitude is in at the start of the day, at the time zone given.</summary>
    private static int SunArc(int dayNumber, double timeZone)
    {
        var t = (dayNumber - 0.5 - timeZone / 24 - 2451545.0) / 36525;
        var (t2, dr) = (t * t, Math.PI / 180);
        var m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
        var l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
        var dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * Math.Sin(dr * m)
            + (0.019993 - 0.000101 * t) * Math.Sin(dr * 2 * m) + 0.000290 * Math.Sin(dr * 3 * m);
        var l = (l0 + dl) * dr;
        l -= Math.PI * 2 * Math.Floor(l / (Math.PI * 2));
        return (int)Math.Floor(l / Math.PI * 6);
    }

    /// <summary>The first day of the 11th lunar month (the one holding the winter solstice) of the year.</summary>
    private static int LunarMonth11(int year, double timeZone)
    {
        var k = (int)Math.Floor((JulianDay(31, 12, year) - 2415021) / SynodicMonth);
        var newMoon = NewMoonDay(k, timeZone);
        return SunArc(newMoon, timeZone) >= 9 ? NewMoonDay(k - 1, timeZone) : newMoon;
    }

    /// <summary>In a year of 13 months, which month after the 11th is the leap one: the first with no major solar term.</summary>
    private static int LeapMonthOffset(int a11, double timeZone)
    {
        var k = (int)Math.Floor((a11 - 2415021.076998695) / SynodicMonth + 0.5);
        var i = 1;
        var arc = SunArc(NewMoonDay(k + i, timeZone), timeZone);
        int last;
        do
        {
            last = arc;
            i++;
            arc = SunArc(NewMoonDay(k + i, timeZone), timeZone);
        }
        while (arc != last && i < 14);
        return i - 1;
    }
}
