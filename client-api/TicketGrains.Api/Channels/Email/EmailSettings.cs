namespace TicketGrains.Api.Channels.Email;

/// <summary>The settings of an e-mail channel (keys of its <c>settings</c> object).</summary>
public static class EmailSettings
{
    /// <summary>The address customers write to; the SMTP listener accepts mail for it and replies come from it.</summary>
    public const string Address = "address";

    /// <summary>The outgoing mail server replies are sent through.</summary>
    public const string SmtpHost = "smtpHost";

    /// <summary>Its port: 587 (STARTTLS) or 465 (TLS from the start) usually.</summary>
    public const string SmtpPort = "smtpPort";

    /// <summary>The account and password to authenticate with, when the server asks for one.</summary>
    public const string SmtpUser = "smtpUser";

    public const string SmtpPassword = "smtpPassword";

    /// <summary>"true" (the default) or "false": whether the connection to the server must be encrypted.</summary>
    public const string UseTls = "useTls";
}
