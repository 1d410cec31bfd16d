using Google.Protobuf.WellKnownTypes;
using IntegrationHub.Hub.Dossiers;
using IntegrationHub.Hub.Registries;
using Sex = IntegrationHub.Hub.Dossiers.Sex;

namespace IntegrationHub.Hub.Api.Registries;

/// <summary>Registry answers, their sources and the access log, as the wire carries them.</summary>
public static class RegistryAnswerWriter
{
    public static V1.RegistrySource ToMessage(RegistrySource source) => new()
    {
        Registry = source.Registry,
        FetchedAt = Timestamp.FromDateTimeOffset(source.FetchedAt),
        FromCache = source.FromCache,
    };

    public static V1.Sex ToMessage(Sex? sex) => sex switch
    {
        Sex.Male => V1.Sex.Male,
        Sex.Female => V1.Sex.Female,
        _ => V1.Sex.Unspecified,
    };

    public static V1.Citizen ToMessage(CitizenFacts citizen) => new()
    {
        IdNumber = citizen.IdNumber,
        FullName = citizen.FullName,
        BirthDate = citizen.BirthDate,
        Sex = ToMessage(citizen.Sex),
        Nationality = citizen.Nationality ?? "",
        PermanentAddress = citizen.PermanentAddress ?? "",
        CurrentAddress = citizen.CurrentAddress ?? "",
    };

    public static V1.Enterprise ToMessage(EnterpriseFacts enterprise) => new()
    {
        EnterpriseCode = enterprise.Code,
        Name = enterprise.Name,
        Address = enterprise.Address ?? "",
        LegalForm = enterprise.LegalForm ?? "",
        OperatingStatus = enterprise.OperatingStatus ?? "",
        LegalRepresentative = enterprise.LegalRepresentative ?? "",
    };

    public static V1.RegistryAccess ToMessage(RegistryAccess access) => new()
    {
        Id = access.Id,
        AccessedAt = Timestamp.FromDateTimeOffset(access.AccessedAt),
        Registry = access.Registry,
        Identifier = access.Identifier,
        ClientId = access.ClientId,
        Purpose = access.Purpose,
        DossierCode = access.DossierCode ?? "",
        Kind = (V1.RegistryAccessKind)(int)access.Kind,
        Result = (V1.RegistryAccessResult)(int)access.Result,
        FromCache = access.FromCache,
    };
}
