using System.Diagnostics;
using System.Net;
using IntegrationHub.Adapters.Health;
using IntegrationHub.Adapters.NationalPortal.Wire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Refit;

namespace IntegrationHub.Adapters.NationalPortal;

/// <summary>
/// Sends one call to the portal inside a session: logs in when needed, and when the portal answers
/// that the session is invalid, logs in again and repeats the call once. Transport faults, 5xx,
/// timeouts and bodies that are not the portal's JSON become <see cref="PortalFaultException"/>.
/// </summary>
public sealed class PortalConnection(
    INationalPortalApi api,
    PortalSessionStore sessions,
    IOptions<NationalPortalOptions> options,
    [FromKeyedServices(NationalPortalServiceCollectionExtensions.AdapterName)] AdapterActivity activity)
{
    // A real answer is a few hundred bytes; more than this is a broken or hostile peer.
    private const int MaxBodyBytes = 1 << 20;

    private readonly NationalPortalOptions _options = options.Value;

    public async Task<PortalReply> CallAsync(string path, Func<string, PortalEnvelope> envelope, CancellationToken cancellationToken)
    {
        var session = await sessions.GetAsync(LoginAsync, cancellationToken);
        var reply = await PostAsync(path, envelope(session), cancellationToken);
        if (!_options.SessionInvalidCodes.Contains(reply.Answer.ErrorCode))
        {
            return reply;
        }
        sessions.Invalidate(session);
        session = await sessions.GetAsync(LoginAsync, cancellationToken);
        return await PostAsync(path, envelope(session), cancellationToken);
    }

    private async Task<string> LoginAsync(CancellationToken cancellationToken)
    {
        var reply = await PostAsync(_options.AuthPath, new PortalLoginRequest(_options.Username, _options.Password), cancellationToken);
        if (!reply.Answer.IsSuccess || string.IsNullOrEmpty(reply.Answer.Session))
        {
            var refused = new PortalFaultException($"login refused: error_code {reply.Answer.ErrorCode} {reply.Answer.Message}".TrimEnd());
            activity.Failed(refused.Message, TimeSpan.Zero);
            throw refused;
        }
        return reply.Answer.Session;
    }

    /// <summary>One POST; an answer in the portal's format counts as the portal being up, whatever its error_code.</summary>
    private async Task<PortalReply> PostAsync(string path, object body, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var reply = await SendAsync(path, body, cancellationToken);
            activity.Succeeded(Stopwatch.GetElapsedTime(started));
            return reply;
        }
        catch (PortalFaultException e)
        {
            activity.Failed(e.Message, Stopwatch.GetElapsedTime(started));
            throw;
        }
    }

    private async Task<PortalReply> SendAsync(string path, object body, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await api.PostAsync(path.TrimStart('/'), body, _options.ServiceCode, cancellationToken);
        }
        catch (Exception e) when (TransportFault(e, cancellationToken) is { } fault)
        {
            throw new PortalFaultException(fault, e);
        }

        using (response)
        {
            var text = await ReadBoundedAsync(response.Content, cancellationToken);
            if ((int)response.StatusCode >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests)
            {
                throw new PortalFaultException($"HTTP {(int)response.StatusCode}");
            }
            var answer = PortalAnswer.TryParse(text)
                ?? throw new PortalFaultException($"HTTP {(int)response.StatusCode} with a body that is not the portal's JSON answer");
            return new PortalReply(answer, text);
        }
    }

    /// <summary>What a failed send means, in words; null when it is not a transport fault (e.g. the caller cancelled).</summary>
    private static string? TransportFault(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        // Refit wraps what the handler pipeline throws.
        ApiRequestException { InnerException: { } inner } => TransportFault(inner, cancellationToken),
        BrokenCircuitException => "circuit open: the portal failed repeatedly, calls are paused",
        TimeoutRejectedException => "timed out",
        HttpRequestException e => $"connection failed: {e.Message}",
        OperationCanceledException when !cancellationToken.IsCancellationRequested => "timed out",
        _ => null,
    };

    private static async Task<string> ReadBoundedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        try
        {
            await content.LoadIntoBufferAsync(MaxBodyBytes, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new PortalFaultException($"answer unreadable or larger than {MaxBodyBytes} bytes", e);
        }
        return await content.ReadAsStringAsync(cancellationToken);
    }
}
