using IntegrationHub.Adapters;
using IntegrationHub.Hub.Dossiers;
using IntegrationHub.Hub.Dossiers.Calendar;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Hub.Deadlines;

/// <summary>Looks at the due date an agency gave, on the submit path: from memory (the calendar, the kept processing times).</summary>
public sealed class DueDateCheck(KeptProcessingTimes times, WorkingCalendarSource calendars, IOptions<DeadlineOptions> options)
{
    /// <summary>
    /// Why a due date the agency gave deserves a look, or null: it is kept either way. Flagged: a date beyond the working
    /// calendar's end (nothing can be counted there), or a day other than the one the catalogue's processing time gives
    /// (earlier: less time than the law allows for the work; later: more than it allows the agency). A procedure the hub
    /// does not keep from the catalogue is not checked.
    /// </summary>
    public async Task<string?> CheckAsync(string procedureCode, Channel channel, DateTimeOffset receivedAt, DateTimeOffset given, CancellationToken cancellationToken)
    {
        var calendar = calendars.Current;
        if (Day(given) > calendar.ValidThrough)
        {
            return $"beyond the working calendar, which ends {calendar.ValidThrough:dd/MM/yyyy}";
        }
        if (await times.ForAsync(procedureCode, channel, cancellationToken) is not { } time)
        {
            return null;
        }
        DateTimeOffset legal;
        try
        {
            legal = DueDates.Due(calendar, options.Value, receivedAt, time.Amount, time.Unit);
        }
        catch (CalendarRangeException)
        {
            return null;
        }
        var wording = $"the national catalogue's {time.Amount:0.##} {time.Unit} from receipt give {Day(legal):dd/MM/yyyy}";
        return Day(given) < Day(legal) ? $"earlier than {wording}" : Day(given) > Day(legal) ? $"later than {wording}" : null;
    }

    private static DateOnly Day(DateTimeOffset at) => VietnamTime.Date(at);
}
