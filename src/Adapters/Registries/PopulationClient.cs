using System.Diagnostics;
using System.Net;
using System.Text.Json;
using IntegrationHub.Adapters.Health;
using IntegrationHub.Adapters.Http;
using IntegrationHub.Adapters.Registries.Wire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Adapters.Registries;

/// <summary>
/// Verifies citizens against the population database: takes a platform token (reused until it
/// expires, renewed once when the platform refuses it), sends the lookup, and reads MaKetQua.
/// </summary>
public sealed class PopulationClient(
    IPopulationApi api,
    IOptions<PopulationOptions> options,
    TimeProvider clock,
    [FromKeyedServices(PopulationServiceCollectionExtensions.AdapterName)] CredentialStore tokens,
    [FromKeyedServices(PopulationServiceCollectionExtensions.AdapterName)] AdapterActivity activity) : IPopulationRegistry
{
    // A token is renewed this long before the platform says it expires, so that it never lapses mid-call.
    private static readonly TimeSpan ExpiryMargin = TimeSpan.FromSeconds(30);

    private readonly PopulationOptions _options = options.Value;

    public async Task<CitizenLookup> VerifyAsync(CitizenQuery query, CancellationToken cancellationToken)
    {
        var request = new TraCuuCongDan(
            Guid.CreateVersion7().ToString(), _options.UnitCode, query.Requester, query.Purpose, query.IdNumber, query.FullName, query.BirthDate);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var answer = await LookupAsync(request, cancellationToken);
            activity.Succeeded(Stopwatch.GetElapsedTime(started));
            return answer;
        }
        catch (RegistryFaultException e)
        {
            activity.Failed(e.Message, Stopwatch.GetElapsedTime(started));
            throw;
        }
    }

    /// <summary>A fresh token, as the health check's cheap proof that the platform answers and accepts us.</summary>
    public async Task<Credential> RequestTokenAsync(CancellationToken cancellationToken)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = _options.ClientId,
            ["client_secret"] = _options.ClientSecret,
        };
        var (status, body) = await SendAsync(() => api.TokenAsync(_options.TokenPath, form, cancellationToken), cancellationToken);
        var token = status == HttpStatusCode.OK ? Parse<PlatformToken>(body) : null;
        if (token?.AccessToken is not { Length: > 0 } accessToken)
        {
            throw new RegistryFaultException(status == HttpStatusCode.OK ? "the platform's token answer has no access_token" : $"token refused: HTTP {(int)status}");
        }
        return new Credential(accessToken, clock.GetUtcNow() + TimeSpan.FromSeconds(token.ExpiresIn ?? 300) - ExpiryMargin);
    }

    private async Task<CitizenLookup> LookupAsync(TraCuuCongDan request, CancellationToken cancellationToken)
    {
        var token = await tokens.GetAsync(RequestTokenAsync, cancellationToken);
        var (status, body) = await PostLookupAsync(request, token, cancellationToken);
        if (status == HttpStatusCode.Unauthorized)
        {
            tokens.Invalidate(token);
            token = await tokens.GetAsync(RequestTokenAsync, cancellationToken);
            (status, body) = await PostLookupAsync(request, token, cancellationToken);
        }
        if (status != HttpStatusCode.OK)
        {
            throw new RegistryFaultException($"HTTP {(int)status}");
        }
        var answer = Parse<KetQuaTraCuuCongDan>(body) ?? throw new RegistryFaultException("an answer that is not the population database's JSON");
        return answer.MaKetQua switch
        {
            "0" when answer.CongDan is { SoDinhDanh: { } number, HoVaTen: { } name, NgaySinh: { } born } citizen =>
                new CitizenLookup(LookupStatus.Found, ToRecord(citizen, number, name, born)),
            "1" => new CitizenLookup(LookupStatus.NotFound, null),
            "2" => new CitizenLookup(LookupStatus.NotMatching, null),
            _ => throw new RegistryFaultException($"MaKetQua {answer.MaKetQua}: {answer.MoTa}".TrimEnd(' ', ':')),
        };
    }

    private Task<(HttpStatusCode, string)> PostLookupAsync(TraCuuCongDan request, string token, CancellationToken cancellationToken) =>
        SendAsync(() => api.LookupAsync(_options.LookupPath, request, $"Bearer {token}", cancellationToken), cancellationToken);

    private static async Task<(HttpStatusCode Status, string Body)> SendAsync(Func<Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await send();
        }
        catch (Exception e) when (HttpFaults.Describe(e, cancellationToken) is { } fault)
        {
            throw new RegistryFaultException(fault, e);
        }
        using (response)
        {
            if (HttpFaults.IsServerFault(response))
            {
                throw new RegistryFaultException($"HTTP {(int)response.StatusCode}");
            }
            var body = await HttpFaults.ReadBoundedAsync(response.Content, cancellationToken)
                ?? throw new RegistryFaultException($"answer unreadable or larger than {HttpFaults.MaxBodyBytes} bytes");
            return (response.StatusCode, body);
        }
    }

    private static T? Parse<T>(string body) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(body, new JsonSerializerOptions { MaxDepth = 16 });
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static CitizenRecord ToRecord(CongDanWire citizen, string number, string name, string born) => new(
        number, name, born, citizen.GioiTinh is 1 or 2 ? (Sex)citizen.GioiTinh : null, citizen.QuocTich, citizen.DanToc, citizen.TonGiao,
        ToAddress(citizen.QueQuan), ToAddress(citizen.NoiThuongTru), ToAddress(citizen.NoiOHienTai), Blank(citizen.SoCMNDCu), citizen.NgayCapNhat);

    private static RegistryAddress? ToAddress(DiaChiWire? address) =>
        address is null ? null : new RegistryAddress(address.MaTinh, address.MaHuyen, address.MaXa, address.ChiTiet);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
