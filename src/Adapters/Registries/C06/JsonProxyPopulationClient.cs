using System.Text.Json;
using IntegrationHub.Adapters.Registries.Wire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Adapters.Registries.C06;

/// <summary>
/// Verifies citizens through a provincial JSON proxy in front of C06 (<see cref="PopulationDialect.JsonProxy"/>):
/// C06's fields as JSON, C06's SOAP answer back as the message of <c>{error_code, message}</c>.
/// </summary>
public sealed class JsonProxyPopulationClient(
    [FromKeyedServices(RegistriesServiceCollectionExtensions.Population)] RegistryConnection connection,
    IOptions<PopulationOptions> options) : IPopulationRegistry
{
    public async Task<CitizenLookup> VerifyAsync(CitizenQuery query, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var c06 = settings.C06;
        var oldNumber = query.IdNumber.Length == 9;
        var request = new TraCuuCongDanProxy(
            C06Messages.AsSent(query.FullName), oldNumber ? "" : query.IdNumber, oldNumber ? query.IdNumber : "",
            query.BirthDate.Length == 4 ? "" : query.BirthDate, query.BirthDate.Length == 4 ? query.BirthDate : "",
            c06.IntegrationCode, c06.ServiceCode, c06.OfficerId, Guid.CreateVersion7().ToString("N"));
        var body = await connection.PostAsync(settings.JsonProxyPath.TrimStart('/'), _ => request, cancellationToken);
        var answer = Parse(body);
        if (answer.ErrorCode is not { } code || !IsZero(code) || answer.Message is not { Length: > 0 } soap)
        {
            throw new RegistryFaultException($"error_code {answer.ErrorCode?.ToString() ?? "(none)"}: {answer.Message}".TrimEnd(' ', ':'));
        }
        return C06Messages.ReadLookup(soap);
    }

    private static KetQuaCongDanProxy Parse(string body)
    {
        try
        {
            return JsonSerializer.Deserialize<KetQuaCongDanProxy>(body) ?? throw new RegistryFaultException("an empty answer from the proxy");
        }
        catch (JsonException e)
        {
            throw new RegistryFaultException("an answer that is not the proxy's JSON", e);
        }
    }

    private static bool IsZero(JsonElement code) =>
        code.ValueKind == JsonValueKind.Number ? code.TryGetInt32(out var number) && number == 0 : code.ValueKind == JsonValueKind.String && code.GetString() == "0";
}
