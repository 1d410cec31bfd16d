using System.Diagnostics;
using System.Security.Claims;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;
using IntegrationHub.Adapters.Exchanges;
using IntegrationHub.Hub.Audit;

namespace IntegrationHub.Hub.Api;

/// <summary>
/// Records every agency write call (the calls that carry a request_id) in the exchange log, accepted
/// or refused, with digests of the request and the answer; and marks the exchanges the call makes
/// with national systems (a registry asked at submit, a gateway opening a payment) as the caller's.
/// A write that changes something has its entry committed with it (<see cref="AgencyWriteJournal"/>);
/// repeats, refusals and failures are recorded here.
/// </summary>
public sealed class AgencyWriteRecordingInterceptor(IExchangeRecorder recorder, TimeProvider clock) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (!WriteCalls.IsWrite(request) || request is not IMessage message)
        {
            return await continuation(request, context);
        }
        var http = context.GetHttpContext();
        var call = AgencyCall.Now(clock, context.Method, DossierCode(message), http.User.FindFirstValue(ClaimTypes.NameIdentifier),
            Convert.ToHexStringLower(WriteCalls.Fingerprint(message)));
        var journal = http.RequestServices.GetRequiredService<AgencyWriteJournal>();
        journal.Begin(call);
        try
        {
            TResponse response;
            using (ExchangeContext.Begin(call.ClientId, call.DossierCode))
            {
                response = await continuation(request, context);
            }
            if (!journal.Recorded)
            {
                var answer = response as IMessage;
                Record(call, (answer is null ? null : DossierCode(answer)) ?? call.DossierCode, answer is null ? "" : ExchangeDigest.Of(answer.ToByteArray()), "OK");
            }
            return response;
        }
        catch (RpcException e)
        {
            Record(call, call.DossierCode, ExchangeDigest.Of(System.Text.Encoding.UTF8.GetBytes(e.Status.Detail)), e.StatusCode.ToString());
            throw;
        }
        catch (Exception e) when (!journal.Recorded)
        {
            // The hub failed: the caller sees UNKNOWN; the log keeps that it asked, and what failed.
            Record(call, call.DossierCode, ExchangeDigest.Of(System.Text.Encoding.UTF8.GetBytes(e.GetType().FullName ?? "")), StatusCode.Unknown.ToString());
            throw;
        }
    }

    private void Record(AgencyCall call, string? dossierCode, string responseDigest, string outcome) =>
        recorder.Record(new ExchangeRecord(
            call.At, ExchangeKind.AgencyWrite, ExchangeRecord.HubTarget, call.Method, dossierCode, [], call.ClientId, call.RequestDigest, responseDigest, outcome,
            Stopwatch.GetElapsedTime(call.Started)));

    private static string? DossierCode(IMessage message) =>
        message.Descriptor.FindFieldByName("dossier_code")?.Accessor.GetValue(message) is string { Length: > 0 } code ? code : null;
}
