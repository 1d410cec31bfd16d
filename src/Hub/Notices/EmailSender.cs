using System.Net.Mail;
using IntegrationHub.Adapters;
using IntegrationHub.Adapters.Email;

namespace IntegrationHub.Hub.Notices;

/// <summary>
/// Sends one e-mail notice through the SMTP servers in priority order. The next server is tried after a
/// refusal or a server that is down. SMTP cannot be asked whether a message arrived, so a message whose
/// answer was lost after it was written, or one the hub handed to a server before it stopped, is marked
/// unconfirmed and not sent again: no applicant gets the same notice twice.
/// </summary>
public sealed class EmailSender(IEnumerable<SmtpMailer> servers, NoticeLog log, ILogger<EmailSender> logger) : INoticeSender<EmailNotice>
{
    private readonly IReadOnlyList<SmtpMailer> _servers = [.. servers.OrderBy(s => s.Priority)];

    public async Task<DeliveryOutcome> SendAsync(EmailNotice notice, CancellationToken cancellationToken)
    {
        if (!MailAddress.TryCreate(notice.Address, out var address) || address.Address != notice.Address || address.DisplayName.Length > 0)
        {
            await log.RecordAsync(notice, notice.Address, NoticeStatus.Undeliverable, null, null, "not an e-mail address", 0, cancellationToken);
            return DeliveryOutcome.Delivered("undeliverable: not an e-mail address");
        }
        var earlier = await log.FindAsync(notice.Id, cancellationToken);
        if (earlier is { Status: not NoticeStatus.Sending })
        {
            return DeliveryOutcome.Delivered($"already {earlier.Status}");
        }
        if (earlier?.Provider is { } handedTo)
        {
            await log.RecordAsync(notice, notice.Address, NoticeStatus.Unconfirmed, handedTo, null, "the hub stopped before the server's answer was recorded", 0, cancellationToken);
            return DeliveryOutcome.Delivered($"unconfirmed at {handedTo}");
        }
        if (_servers.Count == 0)
        {
            return DeliveryOutcome.Transient("no SMTP server is configured");
        }
        var message = new EmailMessage(notice.Id, notice.Address, notice.Subject, notice.Text, notice.Html);
        var anyDown = false;
        foreach (var server in _servers)
        {
            await log.RecordAsync(notice, notice.Address, NoticeStatus.Sending, server.Name, null, null, 0, cancellationToken);
            var result = await server.SendAsync(message, cancellationToken);
            switch (result.Outcome)
            {
                case MailSendOutcome.Accepted:
                    await log.RecordAsync(notice, notice.Address, NoticeStatus.Sent, server.Name, result.MessageId, result.Detail, 0, cancellationToken);
                    return DeliveryOutcome.Delivered($"sent by {server.Name}");
                case MailSendOutcome.Ambiguous:
                    await log.RecordAsync(notice, notice.Address, NoticeStatus.Unconfirmed, server.Name, result.MessageId, result.Detail, 0, cancellationToken);
                    return DeliveryOutcome.Delivered($"unconfirmed at {server.Name}: {result.Detail}");
                default:
                    anyDown |= result.Outcome == MailSendOutcome.Down;
                    logger.LogWarning("E-mail notice {Notice} not taken by {Server} ({Outcome}: {Detail}); trying the next server", notice.Id, server.Name, result.Outcome, result.Detail);
                    break;
            }
        }
        return await log.NoneTookAsync(notice, notice.Address, anyDown, _servers[^1].Name, 0, cancellationToken);
    }
}
