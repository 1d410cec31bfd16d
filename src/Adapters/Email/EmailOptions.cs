using System.ComponentModel.DataAnnotations;

namespace IntegrationHub.Adapters.Email;

/// <summary>
/// E-mail notices, bound from <c>Hub:Adapters:Email</c>: who they come from, and the SMTP servers under
/// <c>Servers:&lt;name&gt;</c> (<see cref="SmtpServerOptions"/>), tried in ascending priority.
/// </summary>
public sealed class EmailOptions
{
    public const string SectionName = "Hub:Adapters:Email";

    /// <summary>The sender's address; its domain also ends every Message-ID the hub writes.</summary>
    [Required, EmailAddress]
    public string From { get; set; } = "";

    // Tên người gửi: the department applicants know.
    public string FromName { get; set; } = "Bộ phận Một cửa";
}
