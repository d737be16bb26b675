using System.Globalization;
using MailKit.Security;

namespace TicketGrains.Api.Channels.Email;

/// <summary>The outgoing mail server of an e-mail channel, read from its settings.</summary>
public sealed record EmailServer(string Host, int Port, SecureSocketOptions Security, string? User, string? Password)
{
    /// <summary>The server the settings name, or null when the address, host or a valid port is missing.</summary>
    public static EmailServer? Of(IReadOnlyDictionary<string, string> settings)
    {
        if (!settings.ContainsKey(EmailSettings.Address)
            || !settings.TryGetValue(EmailSettings.SmtpHost, out var host) || string.IsNullOrWhiteSpace(host)
            || !settings.TryGetValue(EmailSettings.SmtpPort, out var portText)
            || !int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            return null;
        }

        // Encrypted unless a channel says otherwise: TLS from the start on 465 (implicit TLS), STARTTLS required elsewhere.
        var useTls = !settings.TryGetValue(EmailSettings.UseTls, out var tls) || !bool.TryParse(tls, out var value) || value;
        var security = !useTls ? SecureSocketOptions.None : port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
        var user = settings.TryGetValue(EmailSettings.SmtpUser, out var name) && name.Length > 0 ? name : null;
        return new EmailServer(host.Trim(), port, security, user, settings.GetValueOrDefault(EmailSettings.SmtpPassword));
    }
}
