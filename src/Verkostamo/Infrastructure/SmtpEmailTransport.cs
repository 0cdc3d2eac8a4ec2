using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Verkostamo.Core.Notifications;

namespace Verkostamo.Infrastructure;

/// <summary>The mail server reminders go through; e-mail stays off while <see cref="Host"/> is empty.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 587;

    /// <summary>StartTls (default), SslOnConnect, or None for a relay on the same host.</summary>
    public string Security { get; set; } = "StartTls";

    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "verkostamo@localhost";
    public string FromName { get; set; } = "Verkostamo";

    /// <summary>The address people reach the app at, for links in messages, e.g. https://verkostamo.example.fi.</summary>
    public string? PublicUrl { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);

    public SecureSocketOptions SocketOptions => Security.ToUpperInvariant() switch
    {
        "NONE" => SecureSocketOptions.None,
        "SSLONCONNECT" => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };
}

/// <summary>Sends one plain-text message per connection through MailKit; failures surface to the outbox, which retries.</summary>
public sealed class SmtpEmailTransport(IOptions<SmtpOptions> options) : IEmailTransport
{
    public async Task SendAsync(EmailMessage message, CancellationToken ct)
    {
        var o = options.Value;
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(o.FromName, o.From));
        mime.To.Add(MailboxAddress.Parse(message.Recipient));
        mime.Subject = message.Subject;
        mime.Body = new TextPart("plain") { Text = message.Body };

        using var client = new SmtpClient { Timeout = 30_000 };
        await client.ConnectAsync(o.Host ?? throw new InvalidOperationException("Smtp:Host is not configured."), o.Port, o.SocketOptions, ct);
        if (!string.IsNullOrEmpty(o.UserName))
        {
            await client.AuthenticateAsync(o.UserName, o.Password ?? "", ct);
        }
        await client.SendAsync(mime, ct);
        await client.DisconnectAsync(true, ct);
    }
}
