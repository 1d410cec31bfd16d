using System.Net;
using System.Text;
using System.Text.Json;
using IntegrationHub.Adapters.Health;
using IntegrationHub.Adapters.Http;
using IntegrationHub.Adapters.Registries.Wire;

namespace IntegrationHub.Adapters.Registries;

/// <summary>
/// One call to a registry: takes a platform token (reused until shortly before it expires, renewed
/// once when the platform refuses it), posts the lookup, and reads the answer. Transport faults, 5xx,
/// timeouts and bodies that are not JSON become <see cref="RegistryFaultException"/>.
/// </summary>
public sealed class RegistryConnection(IRegistryApi api, RegistryOptions options, CredentialStore tokens, AdapterActivity activity, TimeProvider clock)
{
    // A token is renewed this long before the platform says it expires, so that it never lapses mid-call.
    private static readonly TimeSpan ExpiryMargin = TimeSpan.FromSeconds(30);
    private static readonly JsonSerializerOptions Json = new() { MaxDepth = 16 };

    /// <summary>A detail look-up by code in the query string (<c>?msdn=</c>, <c>?MaSoDoanhNghiep=</c>), answered in the service's JSON.</summary>
    public Task<TAnswer> QueryAsync<TAnswer>(string path, string parameter, string code, CancellationToken cancellationToken) where TAnswer : class =>
        WithTokenAsync<TAnswer>(
            token => SendAsync(() => api.DetailAsync(path, new Dictionary<string, string> { [parameter] = code }, $"Bearer {token}", cancellationToken), cancellationToken),
            cancellationToken);

    /// <summary>A JSON body POSTed to <paramref name="path"/> with the token in it, answered in whatever the service answers (the LGSP wraps SOAP so).</summary>
    public Task<string> PostAsync(string path, Func<string, object> body, CancellationToken cancellationToken) =>
        activity.TrackAsync<string, RegistryFaultException>(() =>
            WithTokenAsync(token => SendAsync(() => api.LookupAsync(path, body(token), $"Bearer {token}", cancellationToken), cancellationToken), cancellationToken));

    private Task<TAnswer> WithTokenAsync<TAnswer>(Func<string, Task<(HttpStatusCode Status, string Body)>> send, CancellationToken cancellationToken) where TAnswer : class =>
        activity.TrackAsync<TAnswer, RegistryFaultException>(async () =>
            Parse<TAnswer>(await WithTokenAsync(send, cancellationToken)) ?? throw new RegistryFaultException("an answer that is not the registry's JSON"));

    /// <summary>The body of a 200 answer, the token renewed once when the platform refuses it.</summary>
    private async Task<string> WithTokenAsync(Func<string, Task<(HttpStatusCode Status, string Body)>> send, CancellationToken cancellationToken)
    {
        var token = await tokens.GetAsync(RequestTokenAsync, cancellationToken);
        var (status, body) = await send(token);
        if (status == HttpStatusCode.Unauthorized)
        {
            tokens.Invalidate(token);
            token = await tokens.GetAsync(RequestTokenAsync, cancellationToken);
            (status, body) = await send(token);
        }
        return status == HttpStatusCode.OK ? body : throw new RegistryFaultException($"HTTP {(int)status}");
    }

    /// <summary>A fresh token: also the health check's cheap proof that the platform answers and accepts the hub.</summary>
    public async Task<Credential> RequestTokenAsync(CancellationToken cancellationToken)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials" };
        var basic = options.TokenCredentials == TokenCredentials.Basic
            ? "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.ClientId}:{options.ClientSecret}"))
            : null;
        if (basic is null)
        {
            form["client_id"] = options.ClientId;
            form["client_secret"] = options.ClientSecret;
        }
        var (status, body) = await SendAsync(() => api.TokenAsync(options.TokenPath, form, options.PlatformAccessHeader, basic, cancellationToken), cancellationToken);
        var token = status == HttpStatusCode.OK ? Parse<PlatformToken>(body) : null;
        if (token?.AccessToken is not { Length: > 0 } accessToken)
        {
            throw new RegistryFaultException(status == HttpStatusCode.OK ? "the platform's token answer has no access_token" : $"token refused: HTTP {(int)status}");
        }
        return new Credential(accessToken, clock.GetUtcNow() + TimeSpan.FromSeconds(token.ExpiresIn ?? 300) - ExpiryMargin);
    }

    private static Task<(HttpStatusCode Status, string Body)> SendAsync(Func<Task<HttpResponseMessage>> send, CancellationToken cancellationToken) =>
        HttpFaults.ExchangeAsync(send, (message, inner) => new RegistryFaultException(message, inner), cancellationToken);

    private static T? Parse<T>(string body) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(body, Json);
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            return null;
        }
    }
}
