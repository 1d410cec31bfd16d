using System.Text.Json.Serialization;
using Refit;

namespace IntegrationHub.Adapters.Sms.SpeedSms;

/// <summary>sms/send's body; names are SpeedSMS's.</summary>
public sealed record SpeedSmsSend(
    [property: JsonPropertyName("to")] IReadOnlyList<string> To,
    [property: JsonPropertyName("content")] string Content,
    [property: JsonPropertyName("sms_type")] int SmsType,
    [property: JsonPropertyName("sender")] string Sender);

public interface ISpeedSmsApi
{
    [Post("/{**path}")]
    Task<HttpResponseMessage> SendAsync(string path, [Body] SpeedSmsSend message, [Authorize("Basic")] string credentials, CancellationToken cancellationToken);

    [Get("/{**path}/{tranId}")]
    Task<HttpResponseMessage> StatusAsync(string path, string tranId, [Authorize("Basic")] string credentials, CancellationToken cancellationToken);

    [Get("/{**path}")]
    Task<HttpResponseMessage> UserInfoAsync(string path, [Authorize("Basic")] string credentials, CancellationToken cancellationToken);
}
