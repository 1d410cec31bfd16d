using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Pipelines;
using System.Security.Claims;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using IntegrationHub.Adapters.Exchanges;
using IntegrationHub.Hub.Security;

namespace IntegrationHub.Hub.Api;

/// <summary>
/// Answers a gRPC request whose message is not a valid protobuf of the method's request type with
/// INVALID_ARGUMENT and the parser's reason, and one over the size limit with RESOURCE_EXHAUSTED. Without
/// it such a request ends as UNKNOWN ("exception thrown by handler"), as if the hub had failed; grpc-dotnet
/// parses messages before any interceptor runs. It runs after authentication, so a stranger learns nothing
/// from it, and records a refused write in the exchange log as the interceptor records the others.
/// </summary>
public sealed class MalformedRequestMiddleware(RequestDelegate next, IReadOnlyDictionary<string, MessageDescriptor> requestTypes)
{
    /// <summary>The largest message the hub reads (the transport's limit; the services' own limits are lower).</summary>
    public const int MaxMessageBytes = 16 * 1024 * 1024;

    private const int FrameHeaderBytes = 5;

    public async Task InvokeAsync(HttpContext context, IExchangeRecorder recorder, TimeProvider clock)
    {
        if (!GrpcRefusal.IsGrpc(context.Request) || !requestTypes.TryGetValue(context.Request.Path.Value ?? "", out var requestType))
        {
            await next(context);
            return;
        }
        var (at, started) = (clock.GetUtcNow(), Stopwatch.GetTimestamp());
        var (problem, digest) = await ProblemAsync(context.Request.BodyReader, requestType, context.RequestAborted);
        if (problem is null)
        {
            await next(context);
            return;
        }
        var (status, message) = problem.Value;
        message = $"the request is not a valid {requestType.Name}: {message}";
        GrpcRefusal.Write(context.Response, status, message);
        if (requestType.FindFieldByName("request_id") is not null)
        {
            recorder.Record(new ExchangeRecord(
                at, ExchangeKind.AgencyWrite, ExchangeRecord.HubTarget, context.Request.Path.Value!, null, [],
                context.User.FindFirstValue(ClaimTypes.NameIdentifier), digest, ExchangeDigest.Of(System.Text.Encoding.UTF8.GetBytes(message)),
                status.ToString(), Stopwatch.GetElapsedTime(started)));
        }
    }

    /// <summary>
    /// Why the one message of the request cannot be read (null when it can, or when it is compressed: left
    /// to gRPC), and the digest of what was sent. The message is only looked at in the request's pipe, not
    /// consumed, so gRPC reads the same bytes afterwards without any copy or buffering stream.
    /// </summary>
    private static async Task<((StatusCode, string)? Problem, string Digest)> ProblemAsync(PipeReader body, MessageDescriptor requestType, CancellationToken cancellationToken)
    {
        var frame = await body.ReadAtLeastAsync(FrameHeaderBytes, cancellationToken);
        var length = 0L;
        if (frame.Buffer.Length >= FrameHeaderBytes)
        {
            length = MessageLength(frame.Buffer);
            if (length < 0)
            {
                body.AdvanceTo(frame.Buffer.Start);
                return (null, "");
            }
            if (length > MaxMessageBytes)
            {
                body.AdvanceTo(frame.Buffer.Start);
                return ((StatusCode.ResourceExhausted, $"the message is {length} bytes, over the hub's limit of {MaxMessageBytes}"), ExchangeDigest.Of(frame.Buffer.Slice(0, FrameHeaderBytes).ToArray()));
            }
            if (frame.Buffer.Length < FrameHeaderBytes + length)
            {
                body.AdvanceTo(frame.Buffer.Start);
                frame = await body.ReadAtLeastAsync(FrameHeaderBytes + (int)length, cancellationToken);
            }
        }
        try
        {
            var message = frame.Buffer.Slice(Math.Min(frame.Buffer.Length, FrameHeaderBytes));
            var problem = frame.Buffer.Length < FrameHeaderBytes ? "the message frame is incomplete"
                : frame.Buffer.Length < FrameHeaderBytes + length ? "the message is shorter than its frame says"
                : Parses(requestType, message = message.Slice(0, length));
            return (problem is null ? null : (StatusCode.InvalidArgument, problem), problem is null ? "" : ExchangeDigest.Of(message.ToArray()));
        }
        finally
        {
            // Nothing consumed and nothing examined: gRPC's first read gets all of it at once.
            body.AdvanceTo(frame.Buffer.Start);
        }
    }

    /// <returns>The length the frame header gives; -1 for a compressed message.</returns>
    private static long MessageLength(ReadOnlySequence<byte> buffer)
    {
        Span<byte> header = stackalloc byte[FrameHeaderBytes];
        buffer.Slice(0, FrameHeaderBytes).CopyTo(header);
        return header[0] != 0 ? -1 : BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
    }

    private static string? Parses(MessageDescriptor requestType, ReadOnlySequence<byte> message)
    {
        try
        {
            requestType.Parser.ParseFrom(message);
            return null;
        }
        catch (InvalidProtocolBufferException e)
        {
            return e.Message;
        }
    }

    /// <summary>Every unary method of the hub's services, by its path, with the type of its request.</summary>
    public static IReadOnlyDictionary<string, MessageDescriptor> RequestTypes(params Google.Protobuf.Reflection.ServiceDescriptor[] services) =>
        services.SelectMany(s => s.Methods.Where(m => !m.IsClientStreaming).Select(m => (Path: $"/{s.FullName}/{m.Name}", m.InputType)))
            .ToDictionary(m => m.Path, m => m.InputType, StringComparer.Ordinal);
}
