using System.Globalization;
using System.Net;
using System.Xml.Linq;
using WireMock;

namespace IntegrationHub.Sandbox.Sms;

/// <summary>Viettel's SMS Brandname SOAP API (wsCpMt, checkBalance), simulated. It has no delivery reports.</summary>
public sealed class ViettelSimulator : SmsSimulator
{
    public const string Path = "/bulkapi";

    private static readonly XNamespace Soap = "http://schemas.xmlsoap.org/soap/envelope/";

    private ViettelSimulator(int port, SmsSimulatorOptions options)
        : base(port, options)
    {
        Map(Path, "POST", CallAsync);
    }

    public static ViettelSimulator Start(SmsSimulatorOptions options, int port = 0) => new(port, options);

    public override IReadOnlyDictionary<string, string?> HubSettings(SandboxHub hub) => new Dictionary<string, string?>
    {
        ["Hub:Adapters:Sms:Viettel:BaseUrl"] = HubFacingUrl,
        ["Hub:Adapters:Sms:Viettel:User"] = Options.Username,
        ["Hub:Adapters:Sms:Viettel:Password"] = Options.Secret,
        ["Hub:Adapters:Sms:Viettel:CpCode"] = Options.CpCode,
        ["Hub:Adapters:Sms:Viettel:Brandname"] = Options.Brandname,
        ["Hub:Adapters:Sms:Viettel:Priority"] = Options.Priority.ToString(CultureInfo.InvariantCulture),
    };

    private async Task<IResponseMessage> CallAsync(IRequestMessage request)
    {
        XElement? call;
        try
        {
            call = XDocument.Parse(request.Body ?? "").Descendants().FirstOrDefault(e => e.Name.LocalName is "wsCpMt" or "checkBalance");
        }
        catch (System.Xml.XmlException)
        {
            call = null;
        }
        string Field(string name) => call?.Element(name)?.Value ?? "";
        if (call is null)
        {
            return SimulatorResponses.Text(HttpStatusCode.InternalServerError, "<soap:Fault>not a wsCpMt or checkBalance call</soap:Fault>");
        }
        if (Field("User") != Options.Username || Field("Password") != Options.Secret)
        {
            return Answer("0", "Authenticate: WRONG_INFORMATION_AUTHENTICATE", call.Name.LocalName);
        }
        if (call.Name.LocalName == "checkBalance")
        {
            return Answer("1", "150000", "checkBalance");
        }
        if (Field("UserID") != Field("ReceiverID"))
        {
            return Answer("0", "UserID_NOT_EQUAL_ReceiverID");
        }
        if (RejectWith is { } message)
        {
            return Answer("0", message);
        }
        Take(new SentSms(Field("RequestID"), Field("ReceiverID"), Field("Content"), Field("ContentType") == "1"));
        await Task.Delay(AnswerDelay);
        return Answer("1", "Insert MT_QUEUE: OK");
    }

    private static IResponseMessage Answer(string result, string message, string operation = "wsCpMt") => SimulatorResponses.Xml(HttpStatusCode.OK, new XDocument(
        new XElement(Soap + "Envelope", new XAttribute(XNamespace.Xmlns + "S", Soap), new XElement(Soap + "Body",
            new XElement(XName.Get(operation + "Response", "http://impl.bulkSms.ws/"),
                new XElement("return", new XElement("result", result), new XElement("message", message)))))).ToString());
}
