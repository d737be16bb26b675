using System.Net;
using TicketGrains.Grains.Hosting;

namespace TicketGrains.Api.Channels.Email;

/// <summary>
/// The e-mail channel (section "Channels:Email"): the SMTP listener that receives mail for the configured e-mail
/// channels, off unless <see cref="SmtpPort"/> is set, and the limits of sending replies.
/// </summary>
public sealed class EmailChannelOptions : IValidatableOptions
{
    public const string Section = "Channels:Email";

    /// <summary>The port the SMTP listener accepts mail on (25 for mail from the internet); unset: no listener.</summary>
    public int? SmtpPort { get; set; }

    /// <summary>The address the listener binds to: 0.0.0.0 (every interface) by default, 127.0.0.1 for this machine only.</summary>
    public string ListenAddress { get; set; } = "0.0.0.0";

    /// <summary>The name the listener greets with and announces in its replies.</summary>
    public string ServerName { get; set; } = "ticketgrains";

    /// <summary>The largest mail accepted, announced as SIZE and enforced while the data arrives (552 beyond).</summary>
    public int MaxMessageBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>How long one SMTP session may stay open, slow senders of large mails included.</summary>
    public TimeSpan SessionTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long sending one reply may take (connect, authenticate, send) before it counts as failed.</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool Listens => SmtpPort is not null;

    /// <summary>The section as configured: whether the listener exists is decided when services are registered.</summary>
    public static EmailChannelOptions Read(IConfiguration configuration) => configuration.BindNow<EmailChannelOptions>(Section);

    public IEnumerable<string> Problems(string section)
    {
        if (SmtpPort is { } port && port is < 1 or > 65535)
        {
            yield return $"{section}:SmtpPort must be from 1 to 65535, not {port}.";
        }

        if (!IPAddress.TryParse(ListenAddress, out _))
        {
            yield return $"{section}:ListenAddress must be an IP address, not '{ListenAddress}'.";
        }

        if (string.IsNullOrWhiteSpace(ServerName))
        {
            yield return $"{section}:ServerName must not be empty.";
        }

        if (MaxMessageBytes is < 1024 or > 100 * 1024 * 1024)
        {
            yield return $"{section}:MaxMessageBytes must be from 1024 to 104857600, not {MaxMessageBytes}.";
        }

        foreach (var (key, value) in new[] { ("SessionTimeout", SessionTimeout), ("SendTimeout", SendTimeout) })
        {
            if (value <= TimeSpan.Zero)
            {
                yield return $"{section}:{key} must be a positive time span, not {value}.";
            }
        }
    }
}
