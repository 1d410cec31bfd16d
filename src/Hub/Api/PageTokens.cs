using System.Globalization;
using System.Text;
using IntegrationHub.Hub.Requests;

namespace IntegrationHub.Hub.Api;

/// <summary>The opaque page tokens of the list calls: where the last page ended, by a time and the key that orders ties.</summary>
public static class PageTokens
{
    public static string Write(DateTimeOffset at, string key) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{at.UtcTicks}:{key}"));

    /// <summary>The position a token names; null for no token (the first page).</summary>
    /// <exception cref="InvalidFieldException">The token is not one this service issued.</exception>
    public static (DateTimeOffset At, string Key)? Read(string token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            return (new DateTimeOffset(long.Parse(text[..colon], CultureInfo.InvariantCulture), TimeSpan.Zero), text[(colon + 1)..]);
        }
        catch (Exception e) when (e is FormatException or ArgumentOutOfRangeException or OverflowException)
        {
            throw new InvalidFieldException("page_token", "is not a token this service issued");
        }
    }
}
