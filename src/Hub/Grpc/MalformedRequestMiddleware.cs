using System.Buffers.Binary;
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
        context.Request.EnableBuffering();
        var problem = await ProblemAsync(context.Request.Body, requestType, context.RequestAborted);
        context.Request.Body.Position = 0;
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

    /// <returns>Why the one message of the request cannot be parsed; null when it can, or when it is compressed or too large (left to gRPC).</returns>
    private static async Task<string?> ProblemAsync(Stream body, MessageDescriptor requestType, CancellationToken cancellationToken)
    {
        var header = new byte[FrameHeaderBytes];
        if (await body.ReadAtLeastAsync(header, FrameHeaderBytes, throwOnEndOfStream: false, cancellationToken) < FrameHeaderBytes)
        {
            return "the message frame is incomplete";
        }
        var length = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(1));
        if (header[0] != 0 || length > 16 * 1024 * 1024)
        {
            return null;
        }
        var message = new byte[length];
        if (await body.ReadAtLeastAsync(message, (int)length, throwOnEndOfStream: false, cancellationToken) < length)
        {
            return "the message is shorter than its frame says";
        }
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
