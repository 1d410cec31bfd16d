using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Hub.Security;

/// <summary>Looks up agencies by code and agency clients by API key.</summary>
public sealed class AgencyDirectory
{
    private readonly Dictionary<string, string> _agencyNames;
    private readonly Dictionary<string, AgencyClient> _clientsByKeyHash;

    public AgencyDirectory(IOptions<AccessOptions> options)
    {
        _agencyNames = options.Value.Agencies.ToDictionary(a => a.Code, a => a.Name, StringComparer.Ordinal);
        _clientsByKeyHash = options.Value.Clients.ToDictionary(
            c => c.ApiKeySha256.Trim().ToLowerInvariant(),
            c => new AgencyClient(c.Id, c.Agencies.ToHashSet(StringComparer.Ordinal)),
            StringComparer.Ordinal);
    }

    public string? AgencyName(string code) => _agencyNames.GetValueOrDefault(code);

    public AgencyClient? FindByApiKey(string apiKey) => _clientsByKeyHash.GetValueOrDefault(HashKey(apiKey));

    public static string HashKey(string apiKey) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey)));
}
