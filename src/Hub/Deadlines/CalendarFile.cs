using System.Globalization;
using System.Text.Json;
using IntegrationHub.Hub.Dossiers.Calendar;

namespace IntegrationHub.Hub.Deadlines;

/// <summary>A calendar file that cannot be used as it is; the message names the entry and the reason.</summary>
public sealed class CalendarFileException(string message) : Exception(message);

/// <summary>
/// The working-calendar file operators keep up to date with each year's government decisions (the day next to
/// 2 September, days off bridged to weekends, the Saturdays worked in exchange), read into a <see cref="WorkingCalendar"/>:
/// <code>
/// { "validFrom": "2026-01-01", "validThrough": "2027-12-31", "source": "...",
///   "daysOff": [ { "date": "2026-09-01", "reason": "..." } ], "workingDays": [ { "date": "...", "reason": "..." } ] }
/// </code>
/// </summary>
public static class CalendarFile
{
    private sealed record Entry(string? Date, string? Reason);

    private sealed record Document(string? ValidFrom, string? ValidThrough, string? Source, List<Entry>? DaysOff, List<Entry>? WorkingDays);

    /// <exception cref="CalendarFileException">The text is not a calendar file, or an entry is malformed, repeated, contradicted or outside its range.</exception>
    public static WorkingCalendar Read(string json)
    {
        Document? document;
        try
        {
            document = JsonSerializer.Deserialize<Document>(json, JsonSerializerOptions.Web);
        }
        catch (JsonException e)
        {
            throw new CalendarFileException($"not JSON: {e.Message}");
        }
        if (document is null)
        {
            throw new CalendarFileException("empty");
        }
        var from = Date(document.ValidFrom, "validFrom");
        var through = Date(document.ValidThrough, "validThrough");
        if (through < from)
        {
            throw new CalendarFileException($"validThrough {through:yyyy-MM-dd} is before validFrom {from:yyyy-MM-dd}");
        }
        var seen = new Dictionary<DateOnly, string>();
        List<CalendarDay> Days(List<Entry>? entries, string list) => [.. (entries ?? []).Select((entry, i) =>
        {
            var path = $"{list}[{i}]";
            var date = Date(entry.Date, $"{path}.date");
            if (date < from || date > through)
            {
                throw new CalendarFileException($"{path}.date {date:yyyy-MM-dd} is outside validFrom..validThrough");
            }
            if (!seen.TryAdd(date, path))
            {
                throw new CalendarFileException($"{path}.date {date:yyyy-MM-dd} is also {seen[date]}");
            }
            return new CalendarDay(date, string.IsNullOrWhiteSpace(entry.Reason) ? throw new CalendarFileException($"{path}.reason is required") : entry.Reason.Trim());
        })];
        return new WorkingCalendar(from, through, Days(document.DaysOff, "daysOff"), Days(document.WorkingDays, "workingDays"));
    }

    private static DateOnly Date(string? text, string field) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new CalendarFileException($"{field}: '{text}' is not a date as yyyy-MM-dd");
}
