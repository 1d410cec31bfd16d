using Grpc.Core;
using IntegrationHub.Hub.Procedures;
using IntegrationHub.Hub.Security;
using IntegrationHub.V1;
using Microsoft.AspNetCore.Authorization;

namespace IntegrationHub.Hub.Api.Procedures;

/// <summary>Agency systems read DVCQG's procedure catalogue as the hub keeps it.</summary>
[Authorize(Policy = HubRoles.Agency)]
public sealed class ProcedureGrpcService(ProcedureCatalogue catalogue) : ProcedureService.ProcedureServiceBase
{
    private const string CodeExpected = "a procedure code such as 1.001234 (or a local one, 1.003560.000.00.00.H56)";

    public override async Task<ListProceduresResponse> ListProcedures(ListProceduresRequest request, ServerCallContext context)
    {
        var (procedures, next) = await catalogue.ListAsync(
            string.IsNullOrWhiteSpace(request.FieldCode) ? null : RequestFields.Matching(request.FieldCode, "field_code", RequestFields.DossierCode(), "a field code such as G09-TP03"),
            RequestFields.PageSize(request.PageSize, byDefault: 50, ProcedureCatalogue.MaxPageSize),
            string.IsNullOrEmpty(request.PageToken) ? null : RequestFields.Matching(request.PageToken, "page_token", RequestFields.ProcedureCode(), "a token this service issued"),
            context.CancellationToken);
        return new ListProceduresResponse { Procedures = { procedures.Select(ProcedureAnswerWriter.ToMessage) }, NextPageToken = next ?? "" };
    }

    public override async Task<Procedure> GetProcedure(GetProcedureRequest request, ServerCallContext context)
    {
        var code = RequestFields.Matching(request.ProcedureCode, "procedure_code", RequestFields.ProcedureCode(), CodeExpected);
        return ProcedureAnswerWriter.ToMessage(await catalogue.FindAsync(code, context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"procedure {code} is not in the national catalogue")));
    }
}
