namespace IntegrationHub.Adapters.Registries.C06;

/// <summary>
/// The population database's own SOAP service (C06, Ministry of Public Security) called directly, as
/// three independent public clients call it: <c>Hub:Adapters:Population:C06</c>.
/// </summary>
public sealed class C06Settings
{
    /// <summary>The service's path under BaseUrl.</summary>
    public string ServicePath { get; set; } = "dancu/TraCuuThongTinCongDan";

    /// <summary>
    /// The service URL as the authentication hash covers it; C06 issues it with the account. Left empty,
    /// BaseUrl and ServicePath joined.
    /// </summary>
    public string? ServiceUrl { get; set; }

    /// <summary>The account's user name, and the secret its Basic authentication's password is hashed with.</summary>
    public string Username { get; set; } = "";

    public string SecretKey { get; set; } = "";

    /// <summary>The operation, the request's element: TraCuuThongTinCongDan looks a citizen up by number, name and birth date.</summary>
    public string Operation { get; set; } = "TraCuuThongTinCongDan";

    /// <summary>MaTichHop: the integration code C06 assigns per operation (037 for TraCuuThongTinCongDan in the public client).</summary>
    public string IntegrationCode { get; set; } = "037";

    /// <summary>MaDVC: the calling service's code.</summary>
    public string ServiceCode { get; set; } = "";

    /// <summary>MaCanBo: the officer the look-ups are made under (a CCCD number in the public client).</summary>
    public string OfficerId { get; set; } = "";
}
