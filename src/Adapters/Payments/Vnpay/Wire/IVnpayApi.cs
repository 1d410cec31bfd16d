using Refit;

namespace IntegrationHub.Adapters.Payments.Vnpay.Wire;

public interface IVnpayApi
{
    [Post("/{**path}")]
    Task<HttpResponseMessage> TransactionAsync(string path, [Body] QueryDrRequest request, CancellationToken cancellationToken);

    [Post("/{**path}")]
    Task<HttpResponseMessage> RefundAsync(string path, [Body] RefundRequest request, CancellationToken cancellationToken);
}
