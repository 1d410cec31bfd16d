namespace IntegrationHub.Hub.Security;

/// <summary>The body of a national system's or provider's call on the hub, read up to a bound: their calls are small, and more is not theirs.</summary>
public static class CallbackBody
{
    /// <returns>The body as text, or null when it is longer than <paramref name="maxChars"/>.</returns>
    public static async Task<string?> ReadAsync(HttpRequest request, int maxChars, CancellationToken cancellationToken)
    {
        var buffer = new char[maxChars + 1];
        using var reader = new StreamReader(request.Body);
        var read = 0;
        int chunk;
        while (read < buffer.Length && (chunk = await reader.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0)
        {
            read += chunk;
        }
        return read > maxChars ? null : new string(buffer, 0, read);
    }
}
