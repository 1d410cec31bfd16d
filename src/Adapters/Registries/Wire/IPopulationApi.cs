using Refit;

namespace IntegrationHub.Adapters.Registries.Wire;

/// <summary>
/// The population database's HTTP surface through the platform. Paths are site configuration; bodies
/// are read by the adapter, bounded, because a broken peer must not be able to crash the caller.
/// </summary>
public interface IPopulationApi
{
    [Post("/{**path}")]
    Task<HttpResponseMessage> TokenAsync(string path, [Body(BodySerializationMethod.UrlEncoded)] Dictionary<string, string> form, CancellationToken cancellationToken);

    [Post("/{**path}")]
    Task<HttpResponseMessage> LookupAsync(string path, [Body] TraCuuCongDan request, [Header("Authorization")] string authorization, CancellationToken cancellationToken);
}
