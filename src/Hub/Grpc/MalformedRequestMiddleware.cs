using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace IntegrationHub.Hub.Grpc;

/// <summary>
/// Answers a gRPC request whose message is not a valid protobuf of the method's request type with
/// INVALID_ARGUMENT and the parser's reason. Without it such a request ends as UNKNOWN ("exception
/// thrown by handler"), as if the hub had failed; grpc-dotnet parses messages before any interceptor runs.
/// </summary>
public sealed class MalformedRequestMiddleware(RequestDelegate next, IReadOnlyDictionary<string, MessageDescriptor> requestTypes)
{
    private const int FrameHeaderBytes = 5;

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) != true
            || !requestTypes.TryGetValue(context.Request.Path.Value ?? "", out var requestType))
        {
            await next(context);
            return;
        }
        var problem = await ProblemAsync(context.Request.BodyReader, requestType, context.RequestAborted);
        if (problem is null)
        {
            await next(context);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/grpc";
        context.Response.Headers["grpc-status"] = "3";
        context.Response.Headers["grpc-message"] = Uri.EscapeDataString($"the request is not a valid {requestType.Name}: {problem}");
    }

    /// <summary>
    /// Why the one message of the request cannot be parsed; null when it can, or when it is compressed or
    /// too large (left to gRPC). The message is only looked at in the request's pipe, not consumed, so
    /// gRPC reads the same bytes afterwards without any copy or buffering stream.
    /// </summary>
    private static async Task<string?> ProblemAsync(PipeReader body, MessageDescriptor requestType, CancellationToken cancellationToken)
    {
        var frame = await body.ReadAtLeastAsync(FrameHeaderBytes, cancellationToken);
        var length = 0L;
        if (frame.Buffer.Length >= FrameHeaderBytes)
        {
            length = MessageLength(frame.Buffer);
            if (length < 0)
            {
                body.AdvanceTo(frame.Buffer.Start);
                return null;
            }
            if (frame.Buffer.Length < FrameHeaderBytes + length)
            {
                body.AdvanceTo(frame.Buffer.Start);
                frame = await body.ReadAtLeastAsync(FrameHeaderBytes + (int)length, cancellationToken);
            }
        }
        try
        {
            return frame.Buffer.Length < FrameHeaderBytes ? "the message frame is incomplete"
                : frame.Buffer.Length < FrameHeaderBytes + length ? "the message is shorter than its frame says"
                : Parses(requestType, frame.Buffer.Slice(FrameHeaderBytes, length));
        }
        finally
        {
            // Nothing consumed and nothing examined: gRPC's first read gets all of it at once.
            body.AdvanceTo(frame.Buffer.Start);
        }
    }

    /// <returns>The length the frame header gives; -1 for a compressed or oversized message.</returns>
    private static long MessageLength(ReadOnlySequence<byte> buffer)
    {
        Span<byte> header = stackalloc byte[FrameHeaderBytes];
        buffer.Slice(0, FrameHeaderBytes).CopyTo(header);
        var length = BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
        return header[0] != 0 || length > 16 * 1024 * 1024 ? -1 : length;
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
