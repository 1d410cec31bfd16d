using System.Diagnostics;
using System.Security.Claims;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;
using IntegrationHub.Adapters.Exchanges;
using IntegrationHub.Hub.Grpc;

namespace IntegrationHub.Hub.Audit;

/// <summary>
/// Records every agency write call (the calls that carry a request_id) in the exchange log, accepted
/// or refused, with digests of the request and the answer; and marks the exchanges the call makes
/// with national systems (a registry asked at submit, a gateway opening a payment) as the caller's.
/// </summary>
public sealed class AgencyWriteRecordingInterceptor(IExchangeRecorder recorder, TimeProvider clock) : Interceptor
{
    public const string Target = "hub";

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (!WriteCalls.IsWrite(request) || request is not IMessage message)
        {
            return await continuation(request, context);
        }
        var clientId = context.GetHttpContext().User.FindFirstValue(ClaimTypes.NameIdentifier);
        var dossierCode = DossierCode(message);
        var (at, started) = (clock.GetUtcNow(), Stopwatch.GetTimestamp());
        var requestDigest = Convert.ToHexStringLower(WriteCalls.Fingerprint(message));
        try
        {
            TResponse response;
            using (ExchangeContext.Begin(clientId, dossierCode))
            {
                response = await continuation(request, context);
            }
            var answer = response as IMessage;
            Record(at, context.Method, (answer is null ? null : DossierCode(answer)) ?? dossierCode, clientId, requestDigest,
                answer is null ? "" : ExchangeDigest.Of(answer.ToByteArray()), "OK", started);
            return response;
        }
        catch (RpcException e)
        {
            Record(at, context.Method, dossierCode, clientId, requestDigest, ExchangeDigest.Of(System.Text.Encoding.UTF8.GetBytes(e.Status.Detail)),
                e.StatusCode.ToString(), started);
            throw;
        }
    }

    private void Record(DateTimeOffset at, string method, string? dossierCode, string? clientId, string requestDigest, string responseDigest, string outcome, long started) =>
        recorder.Record(new ExchangeRecord(
            at, ExchangeKind.AgencyWrite, Target, method, dossierCode, [], clientId, requestDigest, responseDigest, outcome, Stopwatch.GetElapsedTime(started)));

    private static string? DossierCode(IMessage message) =>
        message.Descriptor.FindFieldByName("dossier_code")?.Accessor.GetValue(message) is string { Length: > 0 } code ? code : null;
}
