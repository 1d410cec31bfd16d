using System.Security.Claims;

namespace IntegrationHub.Hub.Security;

/// <summary>The authenticated agency system behind a call, and the agencies it may act for.</summary>
public sealed record AgencyClient(string Id, IReadOnlySet<string> Agencies)
{
    public const string AgencyClaim = "hub:agency";

    public bool MayActFor(string agencyCode) => Agencies.Contains(agencyCode);

    public ClaimsPrincipal ToPrincipal(string authenticationType) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, Id), new Claim(ClaimTypes.Role, HubRoles.Agency), .. Agencies.Select(a => new Claim(AgencyClaim, a))],
        authenticationType));

    public static AgencyClient From(ClaimsPrincipal principal) => new(
        principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The call is not authenticated as an agency client."),
        principal.FindAll(AgencyClaim).Select(c => c.Value).ToHashSet(StringComparer.Ordinal));
}
