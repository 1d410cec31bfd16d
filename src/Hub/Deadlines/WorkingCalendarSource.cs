using IntegrationHub.Hub.Dossiers.Calendar;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Hub.Deadlines;

/// <summary>
/// The working calendar the hub computes with, read from the calendar file at start and again on every health
/// check. A file that cannot be read leaves the last good calendar in use and says why (<see cref="Problem"/>).
/// </summary>
public sealed class WorkingCalendarSource
{
    private readonly string _path;
    private readonly ILogger<WorkingCalendarSource> _logger;
    private volatile WorkingCalendar? _current;

    public WorkingCalendarSource(IOptions<CalendarOptions> options, ILogger<WorkingCalendarSource> logger)
    {
        _path = Path.IsPathRooted(options.Value.File) ? options.Value.File : Path.Combine(AppContext.BaseDirectory, options.Value.File);
        _logger = logger;
        Reload();
    }

    public string FilePath => _path;

    /// <summary>Why the file is not what the hub computes with now; null when it is.</summary>
    public string? Problem { get; private set; }

    /// <exception cref="CalendarRangeException">No calendar could ever be read.</exception>
    public WorkingCalendar Current => _current ?? throw new CalendarRangeException($"no working calendar: {Problem}");

    public void Reload()
    {
        try
        {
            _current = CalendarFile.Read(File.ReadAllText(_path));
            Problem = null;
        }
        catch (Exception e) when (e is CalendarFileException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            Problem = $"{_path}: {e.Message}" + (_current is { } kept ? $"; the calendar read before ({kept.ValidFrom:yyyy-MM-dd} to {kept.ValidThrough:yyyy-MM-dd}) stays in use" : "");
            _logger.LogError("The working calendar cannot be read: {Problem}", Problem);
        }
    }
}
