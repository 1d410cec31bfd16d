using System.Net;
using System.Net.Sockets;
using IntegrationHub.Adapters.Http;
using Polly.CircuitBreaker;
using Refit;

namespace IntegrationHub.Adapters.Sms;

/// <summary>Sends one provider call and says, for a failure, whether the text can have left.</summary>
public static class SmsTransport
{
    public static async Task<(HttpStatusCode Status, string Body)?> SendAsync(
        Func<Task<HttpResponseMessage>> send, Action<SmsSendResult> failed, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await send();
        }
        catch (Exception e) when (Unsent(e) is { } reason)
        {
            failed(new SmsSendResult(SmsSendOutcome.Down, Detail: reason));
            return null;
        }
        catch (Exception e) when (HttpFaults.Describe(e, cancellationToken) is { } fault)
        {
            failed(new SmsSendResult(SmsSendOutcome.Ambiguous, Detail: fault));
            return null;
        }
        using (response)
        {
            if (response.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.TooManyRequests)
            {
                failed(new SmsSendResult(SmsSendOutcome.Down, Detail: $"HTTP {(int)response.StatusCode}"));
                return null;
            }
            var body = await HttpFaults.ReadBoundedAsync(response.Content, cancellationToken);
            if ((int)response.StatusCode >= 500 || body is null)
            {
                failed(new SmsSendResult(SmsSendOutcome.Ambiguous, Detail: $"HTTP {(int)response.StatusCode} without a readable answer"));
                return null;
            }
            return (response.StatusCode, body);
        }
    }

    // Nothing left the hub: no connection, or the circuit is open.
    private static string? Unsent(Exception exception) => exception switch
    {
        ApiRequestException { InnerException: { } inner } => Unsent(inner),
        BrokenCircuitException => "circuit open: the provider failed repeatedly",
        HttpRequestException { InnerException: SocketException socket } => $"connection failed: {socket.SocketErrorCode}",
        _ => null,
    };
}
