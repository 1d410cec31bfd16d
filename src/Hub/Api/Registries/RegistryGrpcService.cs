using Grpc.Core;
using IntegrationHub.Adapters.Registries;
using IntegrationHub.Hub.Registries;
using IntegrationHub.Hub.Requests;
using IntegrationHub.Hub.Security;
using IntegrationHub.V1;
using Microsoft.AspNetCore.Authorization;

namespace IntegrationHub.Hub.Api.Registries;

/// <summary>Agency systems' lookups in the population and enterprise databases, through the hub's cache and access log.</summary>
[Authorize(Policy = HubRoles.Agency)]
public sealed class RegistryGrpcService(RegistryLookups lookups, RequestReader fields) : RegistryService.RegistryServiceBase
{
    public override async Task<LookupCitizenResponse> LookupCitizen(LookupCitizenRequest request, ServerCallContext context)
    {
        var birthDate = IdentityFields.BirthDate(request.BirthDate, "birth_date")
            ?? throw new InvalidFieldException("birth_date", "is required: the population database verifies a number together with the name and birth date");
        var number = IdentityFields.CitizenNumber(request.IdNumber, "id_number", birthDate, sex: null);
        var name = fields.Text(request.FullName, "full_name");
        var answer = await lookups.CitizenAsync(number, name, birthDate, Access(request.Purpose, request.DossierCode, context), context.CancellationToken);
        return new LookupCitizenResponse
        {
            Outcome = Outcome(answer, number),
            Citizen = answer.Facts is { } citizen ? RegistryAnswerWriter.ToMessage(citizen) : null,
            Source = RegistryAnswerWriter.ToMessage(answer.Source),
        };
    }

    public override async Task<LookupEnterpriseResponse> LookupEnterprise(LookupEnterpriseRequest request, ServerCallContext context)
    {
        var code = IdentityFields.EnterpriseCode(request.EnterpriseCode, "enterprise_code");
        var answer = await lookups.EnterpriseAsync(code, Access(request.Purpose, request.DossierCode, context), context.CancellationToken);
        return new LookupEnterpriseResponse
        {
            Outcome = Outcome(answer, code),
            Enterprise = answer.Facts is { } enterprise ? RegistryAnswerWriter.ToMessage(enterprise) : null,
            Source = RegistryAnswerWriter.ToMessage(answer.Source),
        };
    }

    private RegistryAccessContext Access(string purpose, string dossierCode, ServerCallContext context) => new(
        context.Caller().Id,
        fields.Text(purpose, "purpose"),
        fields.OptionalText(dossierCode, "dossier_code"),
        Hub.Registries.RegistryAccessKind.Lookup);

    private static LookupOutcome Outcome<T>(RegistryAnswer<T> answer, string identifier) where T : class =>
        answer.Status == LookupStatus.NotFound
            ? throw new RpcException(new Status(StatusCode.NotFound, $"the {answer.Source.Registry} database has no record of {IdentifierMask.Mask(identifier)}"))
            : LookupOutcome.Found;
}
