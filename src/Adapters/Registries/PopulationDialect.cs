namespace IntegrationHub.Adapters.Registries;

/// <summary>How the hub speaks to the population database (<c>Hub:Adapters:Population:Dialect</c>).</summary>
public enum PopulationDialect
{
    /// <summary>
    /// The JSON form of the province's data-sharing platform: a client-credentials token, then a look-up
    /// answered with MaKetQua 0 found, 1 not found, 2 not matching. No public client shows this form; it is
    /// the hub's own reading of the platform model and the only one that tells "not matching" apart. The sandbox's default.
    /// </summary>
    Platform,

    /// <summary>C06's SOAP service called directly, with its signed Basic authentication (<c>Hub:Adapters:Population:C06</c>).</summary>
    C06Soap,

    /// <summary>
    /// The same SOAP request through a provincial LGSP (VNPT style, as OpenCPS calls it): a client-credentials
    /// token asked with the <c>lgspaccesstoken</c> header, then <c>{accessToken, lgspAccessToken, data: the SOAP envelope}</c>
    /// POSTed, answered in SOAP XML (<c>Hub:Adapters:Population:Lgsp</c>, and <c>C06</c> for the request's codes).
    /// </summary>
    LgspSoap,
}
