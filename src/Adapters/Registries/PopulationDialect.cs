namespace IntegrationHub.Adapters.Registries;

/// <summary>
/// How the hub speaks to the population database (<c>Hub:Adapters:Population:Dialect</c>). Each is a form a
/// public client of the real service speaks; all three carry C06's request and read C06's answer.
/// </summary>
public enum PopulationDialect
{
    /// <summary>C06's SOAP service called directly, with its signed Basic authentication (<c>Hub:Adapters:Population:C06</c>). The default.</summary>
    C06Soap,

    /// <summary>
    /// The same SOAP request through a provincial LGSP (VNPT style, as OpenCPS calls it): a client-credentials
    /// token asked with the <c>lgspaccesstoken</c> header, then <c>{accessToken, lgspAccessToken, data: the SOAP envelope}</c>
    /// POSTed, answered in SOAP XML (<c>Hub:Adapters:Population:Lgsp</c>, and <c>C06</c> for the request's codes).
    /// </summary>
    LgspSoap,

    /// <summary>
    /// A provincial JSON proxy (Thanh Hóa's, as its one-stop system calls it): the request's fields POSTed as JSON
    /// with the platform's token, answered <c>{error_code, message}</c> with C06's SOAP answer as the message
    /// (<c>Hub:Adapters:Population:JsonProxyPath</c>, and <c>C06</c> for the request's codes).
    /// </summary>
    JsonProxy,
}
