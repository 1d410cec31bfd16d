using Polly.CircuitBreaker;
using Polly.Timeout;
using Refit;

namespace IntegrationHub.Adapters.Http;

/// <summary>What adapters make of failed HTTP calls, said the same way for every national system.</summary>
public static class HttpFaults
{
    // A real answer is a few kilobytes at most; more than this is a broken or hostile peer.
    public const int MaxBodyBytes = 1 << 20;

    /// <summary>What a failed send means, in words; null when it is not a transport fault (e.g. the caller cancelled).</summary>
    public static string? Describe(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        // Refit wraps what the handler pipeline throws.
        ApiRequestException { InnerException: { } inner } => Describe(inner, cancellationToken),
        BrokenCircuitException => "circuit open: the system failed repeatedly, calls are paused",
        TimeoutRejectedException => "timed out",
        HttpRequestException e => $"connection failed: {e.Message}",
        OperationCanceledException when !cancellationToken.IsCancellationRequested => "timed out",
        _ => null,
    };

    /// <summary>Whether the answer is the system failing rather than answering.</summary>
    public static bool IsServerFault(HttpResponseMessage response) =>
        (int)response.StatusCode >= 500 || response.StatusCode is System.Net.HttpStatusCode.RequestTimeout or System.Net.HttpStatusCode.TooManyRequests;

    /// <summary>The body, or null when it cannot be read or is larger than <see cref="MaxBodyBytes"/>.</summary>
    public static async Task<string?> ReadBoundedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        try
        {
            await content.LoadIntoBufferAsync(MaxBodyBytes, cancellationToken);
        }
        catch (HttpRequestException)
        {
            return null;
        }
        return await content.ReadAsStringAsync(cancellationToken);
    }
}
