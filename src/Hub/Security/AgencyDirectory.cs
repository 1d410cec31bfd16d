using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Hub.Security;

/// <summary>Looks up agencies by code, and agency clients and operators by API key.</summary>
public sealed class AgencyDirectory
{
    private readonly Dictionary<string, string> _agencyNames;
    private readonly Dictionary<string, AgencyClient> _clientsByKeyHash;
    private readonly Dictionary<string, string> _operatorsByKeyHash;

    public AgencyDirectory(IOptions<AccessOptions> options)
    {
        _agencyNames = options.Value.Agencies.ToDictionary(a => a.Code, a => a.Name, StringComparer.Ordinal);
        _clientsByKeyHash = options.Value.Clients.ToDictionary(
            c => c.ApiKeySha256.Trim().ToLowerInvariant(),
            c => new AgencyClient(c.Id, c.Agencies.ToHashSet(StringComparer.Ordinal)),
            StringComparer.Ordinal);
        _operatorsByKeyHash = options.Value.Operators.ToDictionary(o => o.ApiKeySha256.Trim().ToLowerInvariant(), o => o.Id, StringComparer.Ordinal);
    }

    public string? AgencyName(string code) => _agencyNames.GetValueOrDefault(code);

    /// <summary>The ids of the agency clients that may act for the agency.</summary>
    public IReadOnlyList<string> ClientsActingFor(string agencyCode) =>
        [.. _clientsByKeyHash.Values.Where(c => c.MayActFor(agencyCode)).Select(c => c.Id).Distinct()];

    /// <summary>The principal an API key stands for: an agency client or an operator; null for an unknown key.</summary>
    public ClaimsPrincipal? Authenticate(string apiKey, string authenticationType)
    {
        var hash = HashKey(apiKey);
        if (_clientsByKeyHash.TryGetValue(hash, out var client))
        {
            return client.ToPrincipal(authenticationType);
        }
        return _operatorsByKeyHash.TryGetValue(hash, out var operatorId)
            ? new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, operatorId), new Claim(ClaimTypes.Role, HubRoles.Operator)], authenticationType))
            : null;
    }

    public static string HashKey(string apiKey) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey)));
}
