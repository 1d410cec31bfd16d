using System.Buffers;
using System.Diagnostics;
using System.Text;
using IntegrationHub.Adapters.Exchanges;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IntegrationHub.Hub.Audit;

/// <summary>
/// Records every call on the hub's HTTP endpoints for national systems and providers in the exchange
/// log, accepted or refused: a forged payment callback or delivery report leaves its trace too. The
/// caller is named by its address; the target by the endpoint's gateway or provider.
/// </summary>
public sealed class CallbackRecordingFilter(IExchangeRecorder recorder, TimeProvider clock) : IEndpointFilter
{
    // Callers' bodies are a few hundred bytes; what is longer is digested up to here (the endpoints refuse it).
    private const int MaxDigestedBytes = 64 * 1024;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var (http, at, started) = (context.HttpContext, clock.GetUtcNow(), Stopwatch.GetTimestamp());
        var request = http.Request;
        request.EnableBuffering(MaxDigestedBytes);
        var call = $"{request.Method} {request.Path}{request.QueryString}";
        string requestDigest;
        var body = ArrayPool<byte>.Shared.Rent(MaxDigestedBytes);
        try
        {
            var read = await request.Body.ReadAtLeastAsync(body.AsMemory(0, MaxDigestedBytes), MaxDigestedBytes, throwOnEndOfStream: false, http.RequestAborted);
            request.Body.Position = 0;
            requestDigest = ExchangeDigest.Of(call, body.AsSpan(0, read));
        }
        // A body over the endpoint's limit: recorded without it; the endpoint answers the refusal in its own convention.
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            requestDigest = ExchangeDigest.Of(call, []);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(body);
        }
        var result = await next(context);
        (int Status, string Content) answer = result switch
        {
            ContentHttpResult c => (c.StatusCode ?? StatusCodes.Status200OK, c.ResponseContent ?? ""),
            IStatusCodeHttpResult s => (s.StatusCode ?? StatusCodes.Status200OK, ""),
            _ => (StatusCodes.Status200OK, ""),
        };
        var target = http.GetRouteValue("gateway") ?? http.GetRouteValue("provider") ?? http.GetEndpoint()?.Metadata.GetMetadata<ExchangeTarget>()?.Name ?? "";
        recorder.Record(new ExchangeRecord(
            at, ExchangeKind.Callback, target.ToString()!, $"{request.Method} {request.Path}", null, [], http.Connection.RemoteIpAddress?.ToString(),
            requestDigest, ExchangeDigest.Of(Encoding.UTF8.GetBytes(answer.Content)),
            $"HTTP {answer.Status}", Stopwatch.GetElapsedTime(started)));
        return result;
    }
}
