using IntegrationHub.Hub.Dossiers.Calendar;
using IntegrationHub.Adapters.NationalPortal;
using Google.Protobuf.WellKnownTypes;
using BadRequest = Google.Rpc.BadRequest;
using Grpc.Core;
using Grpc.Core.Interceptors;
using IntegrationHub.Adapters.Payments;
using IntegrationHub.Hub.Dossiers;
using IntegrationHub.Hub.Payments;
using IntegrationHub.Hub.Registries;
using IntegrationHub.Hub.Requests;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace IntegrationHub.Hub.Api;

/// <summary>
/// Turns the domain's refusals into gRPC status codes, so services stay free of error plumbing. A field
/// error also travels as <c>google.rpc.BadRequest</c> in the status details, so clients read the field
/// and the reason as data rather than parsing the message.
/// </summary>
public sealed class ErrorMappingInterceptor : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception e) when (Map(e) is { } status)
        {
            throw Refusal(e, status);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception e) when (Map(e) is { } status)
        {
            throw Refusal(e, status);
        }
    }

    private static RpcException Refusal(Exception exception, Status status) => exception is InvalidFieldException field
        ? new Google.Rpc.Status
        {
            Code = (int)status.StatusCode,
            Message = status.Detail,
            Details = { Any.Pack(new BadRequest { FieldViolations = { new BadRequest.Types.FieldViolation { Field = field.Field, Description = field.Reason } } }) },
        }.ToRpcException()
        : new RpcException(status);

    private static Status? Map(Exception exception) => exception switch
    {
        InvalidFieldException e => new Status(StatusCode.InvalidArgument, e.Message),
        DossierNotFoundException e => new Status(StatusCode.NotFound, e.Message),
        DossierStateException e => new Status(StatusCode.FailedPrecondition, e.Message),
        ApplicantNotConfirmedException e => new Status(StatusCode.FailedPrecondition, e.Message),
        ResultNotReusableException e => new Status(StatusCode.FailedPrecondition, e.Message),
        RegistryUnavailableException e => new Status(StatusCode.Unavailable, e.Message),
        PaymentNotFoundException e => new Status(StatusCode.NotFound, e.Message),
        PaymentRefusedException e => new Status(StatusCode.FailedPrecondition, $"the payment gateway refuses: {e.Message}"),
        PaymentGatewayException e => new Status(StatusCode.Unavailable, $"the payment gateway is unavailable ({e.Message}); try again later"),
        PortalFaultException e => new Status(StatusCode.Unavailable, $"the national portal could not be asked ({e.Message}); try again later"),
        DossierConflictException e => new Status(StatusCode.AlreadyExists, e.Message),
        CalendarRangeException e => new Status(StatusCode.FailedPrecondition, $"due_at cannot be computed: {e.Message}"),
        AgencyAccessDeniedException e => new Status(StatusCode.PermissionDenied, e.Message),
        // Other writers kept winning the race for the same dossier; the caller may simply retry.
        DbUpdateConcurrencyException => new Status(StatusCode.Aborted, "the dossier or payment changed concurrently; retry the request"),
        NpgsqlException { IsTransient: true } => new Status(StatusCode.Unavailable, "the hub's database is unavailable; retry the request"),
        _ => null,
    };
}
