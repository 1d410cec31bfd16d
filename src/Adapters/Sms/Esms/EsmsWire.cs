using Refit;

namespace IntegrationHub.Adapters.Sms.Esms;

/// <summary>SendMultipleMessage_V4_post_json's body; names are eSMS's.</summary>
public sealed record EsmsSend(
    string ApiKey, string SecretKey, string Phone, string Content, string Brandname, string SmsType, string IsUnicode, string RequestId, string? CallbackUrl);

public sealed record EsmsAnswer(string? CodeResult, string? SMSID, string? ErrorMessage);

/// <summary>GetBalance_json's body.</summary>
public sealed record EsmsAccount(string ApiKey, string SecretKey);

public interface IEsmsApi
{
    [Post("/{**path}")]
    Task<HttpResponseMessage> SendAsync(string path, [Body] EsmsSend message, CancellationToken cancellationToken);

    [Get("/{**path}")]
    Task<HttpResponseMessage> StatusAsync(string path, [Query] string RefId, [Query] string ApiKey, [Query] string SecretKey, CancellationToken cancellationToken);

    [Post("/{**path}")]
    Task<HttpResponseMessage> BalanceAsync(string path, [Body] EsmsAccount account, CancellationToken cancellationToken);
}
