using System.Globalization;
using System.Text;
using IntegrationHub.Hub.Requests;
using IntegrationHub.Hub.Workflow;

namespace IntegrationHub.Hub.Api.Dossiers;

/// <summary>The opaque page token of ListDossiers: where the last page ended, by receipt time and id.</summary>
public static class PageTokens
{
    public static string Write(PagePosition position) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{position.ReceivedAt.UtcTicks}:{position.Id:N}"));

    public static PagePosition? Read(string token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }
        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(token)).Split(':');
            return new PagePosition(new DateTimeOffset(long.Parse(parts[0], CultureInfo.InvariantCulture), TimeSpan.Zero), Guid.ParseExact(parts[1], "N"));
        }
        catch (Exception e) when (e is FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException or OverflowException)
        {
            throw new InvalidFieldException("page_token", "is not a token this service issued");
        }
    }
}
