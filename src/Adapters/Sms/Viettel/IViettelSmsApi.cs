using Refit;

namespace IntegrationHub.Adapters.Sms.Viettel;

public interface IViettelSmsApi
{
    [Post("/{**path}")]
    [Headers("Content-Type: text/xml; charset=utf-8", "SOAPAction: \"\"")]
    Task<HttpResponseMessage> CallAsync(string path, [Body] string envelope, CancellationToken cancellationToken);
}
