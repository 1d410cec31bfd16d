using System.Diagnostics;
using IntegrationHub.Adapters.Http;

namespace IntegrationHub.Adapters.Exchanges;

/// <summary>
/// Records every HTTP attempt of an adapter in the exchange log: digests of the request (method, URI,
/// body) and of the answer (status, body), the outcome and the time taken. It sits inside the resilience
/// pipeline, so each retry is an exchange of its own.
/// </summary>
public sealed class ExchangeRecordingHandler(string target, IExchangeRecorder recorder, TimeProvider clock) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var at = clock.GetUtcNow();
        var started = Stopwatch.GetTimestamp();
        var requestBody = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var requestDigest = ExchangeDigest.Of($"{request.Method} {request.RequestUri}", requestBody);
        var operation = $"{request.Method} {request.RequestUri?.AbsolutePath}";
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            var (responseDigest, outcome) = ("", $"HTTP {(int)response.StatusCode}");
            try
            {
                // Buffered once here, bounded as the adapters bound it, so the adapter reads the same bytes.
                await response.Content.LoadIntoBufferAsync(HttpFaults.MaxBodyBytes, cancellationToken);
                responseDigest = ExchangeDigest.Of($"{(int)response.StatusCode}", await response.Content.ReadAsByteArrayAsync(cancellationToken));
            }
            catch (HttpRequestException)
            {
                outcome += ", an answer over the size limit or cut off";
            }
            Record(at, operation, requestDigest, responseDigest, outcome, started);
            return response;
        }
        catch (Exception e)
        {
            Record(at, operation, requestDigest, "", HttpFaults.Describe(e, cancellationToken) ?? e.GetType().Name, started);
            throw;
        }
    }

    private void Record(DateTimeOffset at, string operation, string requestDigest, string responseDigest, string outcome, long started)
    {
        var context = ExchangeContext.Current;
        recorder.Record(new ExchangeRecord(
            at, ExchangeKind.NationalSystem, target, operation, context?.DossierCode, context?.DossierIds ?? [], context?.ClientId,
            requestDigest, responseDigest, outcome, Stopwatch.GetElapsedTime(started)));
    }
}
