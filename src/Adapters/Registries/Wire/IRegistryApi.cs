using Refit;

namespace IntegrationHub.Adapters.Registries.Wire;

/// <summary>
/// A registry's HTTP surface through the data-sharing platform: a client-credentials token, then
/// lookups with it. Paths are site configuration; bodies are read by the adapter, bounded, because a
/// broken peer must not be able to crash the caller.
/// </summary>
public interface IRegistryApi
{
    [Post("/{**path}")]
    /// <param name="lgspAccessToken">The VNPT-style LGSP's own credentials header; left out when null.</param>
    /// <param name="authorization">HTTP Basic client credentials; left out when null (they are in the form).</param>
    Task<HttpResponseMessage> TokenAsync(
        string path, [Body(BodySerializationMethod.UrlEncoded)] Dictionary<string, string> form, [Header("lgspaccesstoken")] string? lgspAccessToken,
        [Header("Authorization")] string? authorization, CancellationToken cancellationToken);

    [Post("/{**path}")]
    Task<HttpResponseMessage> LookupAsync(string path, [Body] object request, [Header("Authorization")] string authorization, CancellationToken cancellationToken);

    /// <summary>A detail look-up by query string, as NGSP/LGSP services take it (the parameter's name is the service's).</summary>
    [Get("/{**path}")]
    Task<HttpResponseMessage> DetailAsync(
        string path, [Query] IDictionary<string, string> query, [Header("Authorization")] string authorization, CancellationToken cancellationToken);

    /// <summary>A SOAP call answered in XML, with C06's signed Basic authentication and its timestamp.</summary>
    [Post("/{**path}")]
    [Headers("SOAPAction: \"\"", "Accept: application/xml, text/xml")]
    Task<HttpResponseMessage> SoapAsync(
        string path, [Body] HttpContent envelope, [Header("Authorization")] string authorization, [Header("Timestamp")] string timestamp, CancellationToken cancellationToken);
}

/// <summary>The population database's client (a registration of its own, with its own address and pipeline).</summary>
public interface IPopulationApi : IRegistryApi;

/// <summary>The enterprise database's client.</summary>
public interface IEnterpriseApi : IRegistryApi;
