namespace IntegrationHub.Sandbox;

/// <summary>The hub a sandbox serves, as its systems need it for the settings they declare.</summary>
/// <param name="HttpUrl">The hub's HTTP endpoint, where providers call back (delivery reports).</param>
/// <param name="ReportSecret">The secret an SMS provider's report URL carries (<c>Hub:Notices:ReportSecret</c>).</param>
public sealed record SandboxHub(string HttpUrl, string ReportSecret)
{
    /// <summary>Where a provider reports deliveries: the hub's <c>/sms/{provider}/report/{secret}</c>.</summary>
    public string SmsReportUrl(string provider) => $"{HttpUrl}/sms/{provider}/report/{ReportSecret}";
}
