using Refit;

namespace IntegrationHub.Adapters.Payments.PaymentPlatform.Wire;

public interface IPaymentPlatformApi
{
    [Post("/{**path}")]
    Task<HttpResponseMessage> InitAsync(string path, [Body] PlatformInitRequest request, CancellationToken cancellationToken);

    [Post("/{**path}")]
    Task<HttpResponseMessage> QueryAsync(string path, [Body] PlatformQueryRequest request, CancellationToken cancellationToken);
}
