using System.Globalization;

namespace IntegrationHub.Adapters;

/// <summary>
/// National systems exchange local times of Asia/Ho_Chi_Minh (UTC+7, no daylight saving) as
/// <c>yyyyMMddHHmmss</c>; the hub stores UTC.
/// </summary>
public static class VietnamTime
{
    public const string WireFormat = "yyyyMMddHHmmss";

    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static string Format(DateTimeOffset instant) =>
        instant.ToOffset(Offset).ToString(WireFormat, CultureInfo.InvariantCulture);

    public static string? Format(DateTimeOffset? instant) => instant is { } value ? Format(value) : null;

    public static bool TryParse(string? text, out DateTimeOffset instant)
    {
        if (DateTime.TryParseExact(text, WireFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            instant = new DateTimeOffset(local, Offset).ToUniversalTime();
            return true;
        }
        instant = default;
        return false;
    }

    /// <summary>The calendar date in Vietnam of an instant (dossier codes and day counters use it).</summary>
    public static DateOnly Date(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);
}
