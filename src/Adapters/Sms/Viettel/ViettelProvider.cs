using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using IntegrationHub.Adapters.Http;
using IntegrationHub.Adapters.Text;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Adapters.Sms.Viettel;

/// <summary>
/// Viettel's SMS Brandname SOAP API (wsCpMt). It has no per-message status query and no push report,
/// so an ambiguous send cannot be confirmed (<see cref="CanConfirm"/> is false): the hub records it
/// unconfirmed rather than risk a second SMS.
/// </summary>
public sealed class ViettelProvider(IViettelSmsApi api, IOptions<ViettelOptions> options) : ISmsProvider
{
    public const string ProviderName = "viettel";

    private static readonly XNamespace Soap = "http://schemas.xmlsoap.org/soap/envelope/";
    private static readonly XNamespace Api = "http://impl.bulkSms.ws/";

    public string Name => ProviderName;

    public SmsProviderOptions Options => options.Value;

    public bool CanConfirm => false;

    public async Task<SmsSendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var text = (settings.WithoutDiacritics ? VietnameseText.WithoutDiacritics(message.Text) : message.Text).Replace('&', '+');
        if (text.Length > settings.MaxLength)
        {
            return new SmsSendResult(SmsSendOutcome.Rejected, Detail: $"longer than {settings.MaxLength} characters");
        }
        var receiver = VietnamMobileNumber.International(message.Phone);
        var envelope = Envelope("wsCpMt",
            new XElement("User", settings.User), new XElement("Password", settings.Password), new XElement("CPCode", settings.CpCode),
            new XElement("RequestID", NumericId(message.Id)), new XElement("UserID", receiver), new XElement("ReceiverID", receiver),
            new XElement("ServiceID", settings.Brandname), new XElement("CommandCode", "bulksms"), new XElement("Content", text),
            new XElement("ContentType", SmsSegments.Of(text).Encoding == SmsEncoding.Gsm7 ? "0" : "1"));
        SmsSendResult? failure = null;
        var answer = await SmsTransport.SendAsync(() => api.CallAsync(settings.Path, envelope, cancellationToken), f => failure = f, cancellationToken);
        if (answer is not { } reply)
        {
            return failure!;
        }
        return Return(reply.Body) switch
        {
            (null, _) => new SmsSendResult(SmsSendOutcome.Ambiguous, Detail: "an answer that is not wsCpMt's"),
            ("1", _) => new SmsSendResult(SmsSendOutcome.Accepted),
            (var code, var text2) => new SmsSendResult(SmsSendOutcome.Rejected, Detail: $"result {code}: {text2}"),
        };
    }

    public Task<SmsSendResult> ConfirmAsync(SmsMessage message, CancellationToken cancellationToken) =>
        throw new NotSupportedException("wsCpMt cannot be asked about one message");

    public SmsDeliveryReport? ReadReport(SmsReportCall call) => null;

    // Only failures by day (getFailSub) can be pulled, not one message's delivery.
    public bool CanQueryReports => false;

    public Task<SmsDeliveryReport> QueryReportAsync(string providerMessageId, CancellationToken cancellationToken) =>
        throw new NotSupportedException("wsCpMt cannot be asked about one message");

    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var envelope = Envelope("checkBalance", new XElement("User", settings.User), new XElement("Password", settings.Password), new XElement("CPCode", settings.CpCode));
        var (status, body) = await HttpFaults.ExchangeAsync(
            () => api.CallAsync(settings.Path, envelope, cancellationToken), (message, inner) => new SmsProviderException(message, inner), cancellationToken);
        var (result, text) = Return(body);
        if (status != System.Net.HttpStatusCode.OK || result != "1")
        {
            throw new SmsProviderException(result is null ? $"HTTP {(int)status} without a checkBalance answer" : $"checkBalance answered {result}: {text}");
        }
    }

    private static string Envelope(string operation, params XElement[] fields) =>
        new XDocument(new XElement(Soap + "Envelope", new XAttribute(XNamespace.Xmlns + "soapenv", Soap), new XAttribute(XNamespace.Xmlns + "impl", Api),
            new XElement(Soap + "Body", new XElement(Api + operation, fields)))).ToString(SaveOptions.DisableFormatting);

    /// <summary>The answer's <c>return/result</c> and <c>return/message</c>; a null result when the body is not such an answer.</summary>
    private static (string? Result, string? Message) Return(string body)
    {
        try
        {
            var found = XDocument.Parse(body).Descendants("return").FirstOrDefault();
            return (found?.Element("result")?.Value, found?.Element("message")?.Value);
        }
        catch (System.Xml.XmlException)
        {
            return (null, null);
        }
    }

    // RequestID must be a number: the notice id, hashed to one.
    private static string NumericId(string id) =>
        (BitConverter.ToUInt64(SHA256.HashData(Encoding.UTF8.GetBytes(id)), 0) % 1_000_000_000_000_000UL).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
