using System.Xml;
using System.Xml.Linq;
using IntegrationHub.Adapters.Text;

namespace IntegrationHub.Adapters.Registries.C06;

/// <summary>
/// The SOAP messages of C06's citizen look-up: the request in namespace <c>http://dancuquocgia.bca</c>
/// (the operation's element with MaYeuCau, MaDVC, MaTichHop, MaCanBo, MaDonVi, TaiKhoan, SoDinhDanh,
/// HoVaTen upper-cased without diacritics, NgayThangNamSinh), and the answer's
/// <c>CongdanCollection/CongDan</c> in namespace <c>http://www.mic.gov.vn/dancu/1.0</c>.
/// </summary>
public static class C06Messages
{
    public static readonly XNamespace Soap = "http://schemas.xmlsoap.org/soap/envelope/";
    public static readonly XNamespace Request = "http://dancuquocgia.bca";
    public static readonly XNamespace Answer = "http://www.mic.gov.vn/dancu/1.0";

    /// <param name="birthDate"><c>yyyyMMdd</c>, or <c>yyyy</c> when only the year is known.</param>
    public static string Lookup(C06Settings settings, string unitCode, string requestId, string idNumber, string fullName, string birthDate) =>
        new XDocument(new XElement(Soap + "Envelope",
            new XAttribute(XNamespace.Xmlns + "soapenv", Soap), new XAttribute(XNamespace.Xmlns + "dan", Request),
            new XElement(Soap + "Header"),
            new XElement(Soap + "Body", new XElement(Request + settings.Operation,
                new XElement(Request + "MaYeuCau", requestId),
                new XElement(Request + "MaDVC", settings.ServiceCode),
                new XElement(Request + "MaTichHop", settings.IntegrationCode),
                new XElement(Request + "MaCanBo", settings.OfficerId),
                new XElement(Request + "MaDonVi", unitCode),
                new XElement(Request + "TaiKhoan", settings.Username),
                new XElement(Request + "SoDinhDanh", idNumber),
                new XElement(Request + "HoVaTen", AsSent(fullName)),
                new XElement(Request + "NgayThangNamSinh", new XElement(Request + (birthDate.Length == 4 ? "Nam" : "NgayThangNam"), birthDate))))))
            .ToString(SaveOptions.DisableFormatting);

    /// <summary>A name as C06's public client sends it: upper case, without diacritics.</summary>
    public static string AsSent(string fullName) => VietnameseText.WithoutDiacritics(fullName).ToUpperInvariant();

    /// <summary>Found with the citizen the answer holds, or not found when it holds none (C06 answers a number, name and birth date that do not go together with no citizen).</summary>
    /// <exception cref="RegistryFaultException">A SOAP fault, or a body that is not C06's answer.</exception>
    public static CitizenLookup ReadLookup(string body) =>
        ReadCitizen(body) is { } citizen ? new CitizenLookup(LookupStatus.Found, citizen) : new CitizenLookup(LookupStatus.NotFound, null);

    private static CitizenRecord? ReadCitizen(string body)
    {
        XDocument document;
        try
        {
            document = XDocument.Parse(body);
        }
        catch (XmlException e)
        {
            throw new RegistryFaultException("an answer that is not C06's XML", e);
        }
        var soapBody = document.Root?.Element(Soap + "Body") ?? throw new RegistryFaultException("an answer without a SOAP body");
        if (soapBody.Element(Soap + "Fault") is { } fault)
        {
            throw new RegistryFaultException($"SOAP fault: {(string?)fault.Element("faultstring") ?? "(no faultstring)"}");
        }
        var collection = soapBody.Descendants(Answer + "CongdanCollection").FirstOrDefault()
            ?? throw new RegistryFaultException("an answer without CongdanCollection");
        var citizen = collection.Element(Answer + "CongDan");
        var name = Name(citizen?.Element(Answer + "HoVaTen"));
        if (citizen is null || name.Length == 0)
        {
            return null;
        }
        var born = citizen.Element(Answer + "NgayThangNamSinh");
        return new CitizenRecord(
            Text(citizen, "SoDinhDanh") ?? "",
            name,
            Text(born, "NgayThangNam") ?? Text(born, "Nam") ?? "",
            Text(citizen, "GioiTinh") switch { "1" => Sex.Male, "2" => Sex.Female, _ => null },
            Text(citizen, "QuocTich"),
            Text(citizen, "DanToc"),
            Text(citizen, "TonGiao"),
            Address(citizen.Element(Answer + "QueQuan")),
            Address(citizen.Element(Answer + "ThuongTru")),
            Address(citizen.Element(Answer + "NoiOHienTai")),
            Text(citizen, "SoCMND"),
            (string?)collection.Attribute("ThoiDiemDuLieu"));
    }

    // The one public sample puts the whole name in Ten and leaves Ho and ChuDem empty.
    private static string Name(XElement? name) =>
        name is null ? "" : string.Join(' ', new[] { "Ho", "ChuDem", "Ten" }.Select(part => Text(name, part)).OfType<string>());

    private static RegistryAddress? Address(XElement? address) => address is null ? null
        : new RegistryAddress(Text(address, "MaTinhThanh"), Text(address, "MaQuanHuyen"), Text(address, "MaPhuongXa"), Text(address, "ChiTiet"));

    private static string? Text(XElement? parent, string name) =>
        parent?.Element(Answer + name)?.Value is { Length: > 0 } value ? value.Trim() : null;
}
