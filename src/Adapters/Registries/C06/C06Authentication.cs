using System.Security.Cryptography;
using System.Text;

namespace IntegrationHub.Adapters.Registries.C06;

/// <summary>
/// C06's signed Basic authentication: the password is the hex SHA-256 of the service URL, the user
/// name, a timestamp (epoch milliseconds, also sent as the <c>Timestamp</c> header) and the secret,
/// concatenated, so that a captured header is good for that one instant only.
/// </summary>
public static class C06Authentication
{
    public static string Password(string serviceUrl, string username, string timestamp, string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(serviceUrl + username + timestamp + secret)));

    public static string Header(string serviceUrl, string username, string timestamp, string secret) =>
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{Password(serviceUrl, username, timestamp, secret)}"));
}
