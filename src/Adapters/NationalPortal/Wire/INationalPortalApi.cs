using IntegrationHub.Adapters.Resilience;
using Refit;

namespace IntegrationHub.Adapters.NationalPortal.Wire;

/// <summary>
/// The portal's HTTP surface. Endpoint paths are site configuration (login, integration and share
/// endpoints), so the path is a parameter; the body is read by <see cref="PortalAnswer"/> because a
/// hostile or broken portal must not be able to crash the caller.
/// </summary>
public interface INationalPortalApi
{
    [Post("/{**path}")]
    [Headers("Accept: application/json")]
    Task<HttpResponseMessage> PostAsync(
        string path,
        [Body] object body,
        [Header("dstcode")] string? serviceCode,
        [Property(AdapterRequests.TakesEffect)] bool takesEffect,
        CancellationToken cancellationToken);
}
