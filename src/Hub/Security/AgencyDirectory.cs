using System.Security.Claims;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Hub.Security;

/// <summary>Looks up agencies by code, agency clients by API key or client certificate, and operators by API key.</summary>
public sealed class AgencyDirectory
{
    private readonly Dictionary<string, string> _agencyNames;
    private readonly Dictionary<string, AgencyClient> _clientsByKeyHash;
    private readonly Dictionary<string, string> _operatorsByKeyHash;
    private readonly Dictionary<string, AgencyClient> _clientsByCertificate;
    private readonly Dictionary<string, AgencyClient> _clientsBySubject;

    public AgencyDirectory(IOptions<AccessOptions> options)
    {
        _agencyNames = options.Value.Agencies.ToDictionary(a => a.Code, a => a.Name, StringComparer.Ordinal);
        var clients = options.Value.Clients.Select(c => (Definition: c, Client: new AgencyClient(c.Id, c.Agencies.ToHashSet(StringComparer.Ordinal)))).ToList();
        _clientsByKeyHash = clients.Where(c => c.Definition.ApiKeySha256.Length > 0)
            .ToDictionary(c => c.Definition.ApiKeySha256.Trim().ToLowerInvariant(), c => c.Client, StringComparer.Ordinal);
        _clientsByCertificate = clients.SelectMany(c => c.Definition.CertificateSha256.Select(t => (Thumbprint: t.Replace(":", "").Trim().ToLowerInvariant(), c.Client)))
            .ToDictionary(c => c.Thumbprint, c => c.Client, StringComparer.Ordinal);
        _clientsBySubject = clients.Where(c => !string.IsNullOrWhiteSpace(c.Definition.CertificateSubject))
            .ToDictionary(c => new X500DistinguishedName(c.Definition.CertificateSubject!).Name, c => c.Client, StringComparer.OrdinalIgnoreCase);
        _operatorsByKeyHash = options.Value.Operators.ToDictionary(o => o.ApiKeySha256.Trim().ToLowerInvariant(), o => o.Id, StringComparer.Ordinal);
    }

    /// <summary>The agency's name; every agency a client acts for has one (checked at start).</summary>
    public string AgencyName(string code) =>
        _agencyNames.GetValueOrDefault(code) ?? throw new InvalidOperationException($"Agency {code} has no name in Hub:Access:Agencies");

    /// <summary>The ids of the agency clients that may act for the agency.</summary>
    /// <summary>The province's agencies (Hub:Access:Agencies).</summary>
    public IReadOnlyCollection<string> AgencyCodes => _agencyNames.Keys;

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

    /// <summary>The agency client a (validated) client certificate stands for, by its SHA-256 or its subject; null for one not registered.</summary>
    public ClaimsPrincipal? AuthenticateCertificate(X509Certificate2 certificate, string authenticationType) =>
        (_clientsByCertificate.GetValueOrDefault(ClientCertificateValidator.Sha256(certificate)) ?? _clientsBySubject.GetValueOrDefault(certificate.SubjectName.Name))
            ?.ToPrincipal(authenticationType);

    public static string HashKey(string apiKey) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey)));
}
