using IntegrationHub.Adapters;
using IntegrationHub.Hub.Dossiers;
using IntegrationHub.Hub.Dossiers.Calendar;
using IntegrationHub.Hub.Procedures;
using IntegrationHub.Hub.Requests;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Hub.Deadlines;

/// <summary>
/// The date promised at receipt (ngày hẹn trả) of a dossier whose agency did not give one: the procedure's processing
/// time in DVCQG's catalogue for the way it was filed, counted from receipt on the working calendar. A receipt at or
/// after <see cref="DeadlineOptions.ReceiptCutoff"/>, or on a day off, counts from the next working day. Working days
/// ("Ngày làm việc") skip days off; calendar days ("Ngày") and months end on the next working day when the last one is
/// off (Bộ luật Dân sự 2015, Điều 148); hours are whole working days of 8 hours. The date falls at
/// <see cref="DeadlineOptions.OfficeCloses"/>.
/// </summary>
public sealed class DueDates(ProcedureCatalogue catalogue, WorkingCalendarSource calendars, IOptions<DeadlineOptions> options)
{
    /// <exception cref="InvalidFieldException">The catalogue does not say how long the procedure takes: the agency must give <c>due_at</c>.</exception>
    /// <exception cref="CalendarRangeException">The date lies beyond the working calendar.</exception>
    public async Task<DateTimeOffset> ComputeAsync(string procedureCode, Channel channel, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var procedure = await catalogue.FindAsync(procedureCode, cancellationToken)
            ?? throw new InvalidFieldException("due_at", $"is required: procedure {procedureCode} is not in the national catalogue, so the hub cannot compute it");
        var time = KeptProcessingTimes.TimeFor(procedure.Details, channel)
            ?? throw new InvalidFieldException("due_at", $"is required: the catalogue gives no processing time for procedure {procedure.Code}");
        return Due(calendars.Current, options.Value, receivedAt, time.Amount, time.Unit);
    }


    /// <summary>The rule itself, for known-answer tests.</summary>
    public static DateTimeOffset Due(WorkingCalendar calendar, DeadlineOptions rules, DateTimeOffset receivedAt, decimal amount, string unit)
    {
        var local = receivedAt.ToOffset(VietnamTime.Offset);
        var day = DateOnly.FromDateTime(local.DateTime);
        // The day the count starts after: receipt day itself, or (late, or on a day off) the working day it is taken as received on.
        var from = !calendar.IsWorkingDay(day) ? calendar.NextWorkingDay(day)
            : local.TimeOfDay >= rules.ReceiptCutoff ? calendar.NextWorkingDay(day.AddDays(1))
            : day;
        var kind = unit.Trim().ToLowerInvariant();
        var dueDay = kind.Contains("làm việc", StringComparison.Ordinal) ? calendar.AddWorkingDays(from, (int)Math.Ceiling(amount))
            : kind.StartsWith("giờ", StringComparison.Ordinal) ? calendar.AddWorkingDays(from, (int)Math.Ceiling(amount / 8))
            : kind.StartsWith("tháng", StringComparison.Ordinal) ? calendar.NextWorkingDay(from.AddMonths((int)Math.Ceiling(amount)))
            : calendar.NextWorkingDay(from.AddDays((int)Math.Ceiling(amount)));
        return new DateTimeOffset(dueDay.ToDateTime(TimeOnly.FromTimeSpan(rules.OfficeCloses)), VietnamTime.Offset).ToUniversalTime();
    }
}
