using System.Security.Cryptography;
using System.Text;

namespace IntegrationHub.Hub.Security;

/// <summary>A secret that a caller of the hub's HTTP endpoints proves it holds, by carrying it in the URL it was given.</summary>
public static class CallbackSecret
{
    /// <summary>Compared in constant time, so that the answer's timing tells nothing about how much of a guess was right. No configured secret matches nothing.</summary>
    public static bool Matches(string? given, string? configured) =>
        configured is { Length: > 0 } && given is not null
        && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(configured)));
}
