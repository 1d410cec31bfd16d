using System.Net;
using System.Text.Json;
using IntegrationHub.Adapters.Text;
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

    /// <summary>
    /// Whether a failed call certainly did not take effect: no connection was made, the circuit kept it
    /// from being sent, or the system answered 503 or 429 (unavailable, too busy) before doing anything.
    /// Any other failure after sending (a timeout, a reset, another 5xx, a body that is not the system's)
    /// leaves in doubt whether the system processed it.
    /// </summary>
    public static bool NotProcessed(Exception? exception, HttpResponseMessage? response) => exception switch
    {
        null => response?.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.TooManyRequests,
        ApiRequestException { InnerException: { } inner } => NotProcessed(inner, null),
        BrokenCircuitException => true,
        HttpRequestException e => e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError,
        _ => false,
    };

    /// <summary>A gateway's answer (502, 504): the system behind it may still be working on the call.</summary>
    public static bool FromGateway(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout;

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

    /// <summary>
    /// One exchange with a national system: its answer's status and body, read bounded. A transport
    /// fault, a server fault or an unreadable body becomes the adapter's own exception, made by <paramref name="fault"/>.
    /// </summary>
    public static async Task<(HttpStatusCode Status, string Body)> ExchangeAsync(
        Func<Task<HttpResponseMessage>> send, Func<string, Exception?, Exception> fault, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await send();
        }
        catch (Exception e) when (Describe(e, cancellationToken) is { } description)
        {
            throw fault(description, e);
        }
        using (response)
        {
            if (IsServerFault(response))
            {
                throw fault($"HTTP {(int)response.StatusCode}", null);
            }
            var body = await ReadBoundedAsync(response.Content, cancellationToken)
                ?? throw fault($"answer unreadable or larger than {MaxBodyBytes} bytes", null);
            return (response.StatusCode, body);
        }
    }

    /// <summary>
    /// One exchange whose answer must be HTTP 200 with a JSON object: the object, or the adapter's own
    /// exception saying what came instead (<paramref name="system"/> names whose JSON was expected).
    /// </summary>
    public static async Task<JsonElement> ExchangeJsonAsync(
        Func<Task<HttpResponseMessage>> send, Func<string, Exception?, Exception> fault, string system, CancellationToken cancellationToken)
    {
        var (status, body) = await ExchangeAsync(send, fault, cancellationToken);
        if (status != HttpStatusCode.OK)
        {
            throw fault($"HTTP {(int)status}", null);
        }
        return JsonFields.Parse(body) is { ValueKind: JsonValueKind.Object } answer ? answer : throw fault($"an answer that is not {system}'s JSON", null);
    }
}
