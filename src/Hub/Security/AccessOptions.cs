namespace IntegrationHub.Hub.Security;

/// <summary>Agencies the hub serves, the agency clients allowed to act for them, and operators; bound from <c>Hub:Access</c>.</summary>
public sealed class AccessOptions
{
    public const string SectionName = "Hub:Access";

    public List<AgencyDefinition> Agencies { get; set; } = [];

    public List<ClientDefinition> Clients { get; set; } = [];

    /// <summary>Operators, who reach <c>AdminService</c> and nothing of the agencies' dossiers.</summary>
    public List<OperatorDefinition> Operators { get; set; } = [];

    /// <summary>Authorities whose client certificates may identify agency systems (mutual TLS): PEM text or the path of a PEM file.</summary>
    public List<string> ClientCertificateAuthorities { get; set; } = [];
}

/// <param name="Code">mã định danh đơn vị, e.g. 000.00.01.H22.</param>
/// <param name="Name">The name the national portal shows as the handling agency (DonViXuLy).</param>
public sealed class AgencyDefinition
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
}

/// <summary>An agency system allowed to call the hub.</summary>
public sealed class ClientDefinition
{
    public string Id { get; set; } = "";

    /// <summary>Lower-case hex SHA-256 of the client's API key; the key itself is never stored. Empty: the client uses a certificate only.</summary>
    public string ApiKeySha256 { get; set; } = "";

    /// <summary>Agency codes the client may act for.</summary>
    public List<string> Agencies { get; set; } = [];

    /// <summary>Client certificates that identify this client (mutual TLS), by lower-case hex SHA-256.</summary>
    public List<string> CertificateSha256 { get; set; } = [];

    /// <summary>Or by subject, as the certificate states it (e.g. <c>CN=justice-system, O=So Tu phap Ha Giang</c>).</summary>
    public string? CertificateSubject { get; set; }
}

/// <summary>A person or tool that runs the hub.</summary>
public sealed class OperatorDefinition
{
    public string Id { get; set; } = "";

    /// <summary>Lower-case hex SHA-256 of the operator's API key.</summary>
    public string ApiKeySha256 { get; set; } = "";
}
