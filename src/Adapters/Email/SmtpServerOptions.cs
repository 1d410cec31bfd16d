using System.ComponentModel.DataAnnotations;

namespace IntegrationHub.Adapters.Email;

/// <summary>One SMTP server (a relay of the province's, or a mail service's submission port).</summary>
public sealed class SmtpServerOptions
{
    [Required]
    public string Host { get; set; } = "";

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>STARTTLS by default: notices carry personal data. <c>None</c> only for a relay on the same host.</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>When set, the hub authenticates; otherwise the relay must trust it by address.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>Servers are tried in ascending priority.</summary>
    public int Priority { get; set; }

    /// <summary>How long one SMTP command may wait for its answer.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

public enum SmtpSecurity
{
    None,
    StartTls,
    SslOnConnect,
}
