using System.Diagnostics;
using System.Net.Sockets;
using IntegrationHub.Adapters.Health;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace IntegrationHub.Adapters.Email;

/// <summary>
/// Sends e-mail through one SMTP server with MailKit, one connection per message (notices are few and
/// far between; a held connection would only go stale). SMTP cannot be asked whether a message arrived,
/// so the one fault that matters is told apart: a connection lost after the whole message was written.
/// </summary>
public sealed class SmtpMailer(string name, SmtpServerOptions options, EmailOptions email, AdapterActivity activity, TimeProvider clock)
{
    /// <summary>The adapter's name, e.g. <c>email-primary</c>.</summary>
    public string Name => name;

    public int Priority => options.Priority;

    public async Task<MailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        // A Message-ID's left part is a dot-atom: the notice's id with its colons as dots.
        var messageId = $"{message.Id.Replace(':', '.')}@{MailboxAddress.Parse(email.From).Domain}";
        var mime = Compose(message, messageId);
        var written = new WrittenBytes();
        var started = Stopwatch.GetTimestamp();
        using var client = new SmtpClient { Timeout = (int)options.Timeout.TotalMilliseconds };
        try
        {
            await ConnectAsync(client, cancellationToken);
            var answer = await client.SendAsync(mime, cancellationToken, written);
            activity.Succeeded(Stopwatch.GetElapsedTime(started));
            await QuitAsync(client);
            return new MailSendResult(MailSendOutcome.Accepted, messageId, answer);
        }
        catch (SmtpCommandException e) when ((int)e.StatusCode >= 500)
        {
            // The server answered: it is up, and it will not take this message.
            activity.Succeeded(Stopwatch.GetElapsedTime(started));
            await QuitAsync(client);
            return new MailSendResult(MailSendOutcome.Rejected, messageId, $"{(int)e.StatusCode} {e.Message}");
        }
        catch (Exception e) when (IsFault(e, cancellationToken))
        {
            activity.Failed(e.Message, Stopwatch.GetElapsedTime(started));
            // A 4xx is an answer: the server did not take the message. Only silence after the whole message is in doubt.
            return e is SmtpCommandException command
                ? new MailSendResult(MailSendOutcome.Down, messageId, $"{(int)command.StatusCode} {command.Message}")
                : new MailSendResult(written.Complete ? MailSendOutcome.Ambiguous : MailSendOutcome.Down, messageId, e.Message);
        }
    }

    /// <summary>Connects, authenticates when configured, and asks for a NOOP: the server is there and takes the hub.</summary>
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        using var client = new SmtpClient { Timeout = (int)options.Timeout.TotalMilliseconds };
        try
        {
            await ConnectAsync(client, cancellationToken);
            await client.NoOpAsync(cancellationToken);
            await QuitAsync(client);
        }
        catch (Exception e) when (IsFault(e, cancellationToken))
        {
            throw new AdapterProbeException($"SMTP server {options.Host}:{options.Port}: {e.Message}", e);
        }
    }

    private async Task ConnectAsync(SmtpClient client, CancellationToken cancellationToken)
    {
        await client.ConnectAsync(options.Host, options.Port, options.Security switch
        {
            SmtpSecurity.None => SecureSocketOptions.None,
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.StartTls,
        }, cancellationToken);
        if (!string.IsNullOrEmpty(options.UserName))
        {
            await client.AuthenticateAsync(options.UserName, options.Password ?? "", cancellationToken);
        }
    }

    private MimeMessage Compose(EmailMessage message, string messageId)
    {
        var mime = new MimeMessage
        {
            Subject = message.Subject,
            Date = clock.GetUtcNow(),
            MessageId = messageId,
            Body = new BodyBuilder { TextBody = message.Text, HtmlBody = message.Html }.ToMessageBody(),
        };
        mime.From.Add(new MailboxAddress(email.FromName, email.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        return mime;
    }

    private static async Task QuitAsync(SmtpClient client)
    {
        try
        {
            await client.DisconnectAsync(quit: true, CancellationToken.None);
        }
        catch (Exception e) when (IsFault(e, CancellationToken.None))
        {
            // The message's fate was decided before QUIT; a server that drops the connection then changes nothing.
        }
    }

    private static bool IsFault(Exception e, CancellationToken cancellationToken) =>
        e is IOException or SocketException or TimeoutException or MailKit.ProtocolException or SmtpCommandException
            or AuthenticationException or SslHandshakeException or ServiceNotConnectedException
        || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    /// <summary>How much of the message MailKit has written: all of it, and a lost answer may hide a delivered message.</summary>
    private sealed class WrittenBytes : ITransferProgress
    {
        public bool Complete { get; private set; }

        public void Report(long bytesTransferred, long totalSize) => Complete |= bytesTransferred >= totalSize;

        // Without a total, any data written counts as all of it: better a notice unconfirmed than sent twice.
        public void Report(long bytesTransferred) => Complete |= bytesTransferred > 0;
    }
}
