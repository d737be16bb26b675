using TicketGrains.Api.Channels.Inbound;

namespace TicketGrains.Api.Channels.Outbound;

/// <summary>
/// Sends an agent's public reply back through one platform (its send API at the channel's configured base address, or
/// SMTP). The outbound side records each attempt's outcome and retries failures; a sender only reports.
/// </summary>
public interface IChannelSender
{
    /// <summary>The channel type it sends for.</summary>
    string Type { get; }

    Task<SendOutcome> SendAsync(ChannelInfo channel, OutboundMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// A reply to send: to <see cref="RecipientId"/> (the customer's id on that platform), answering
/// <see cref="InReplyTo"/> (the platform message id of the customer's last message, for e-mail threading);
/// <see cref="Subject"/> is the customer's last subject (an e-mail reply's subject adds the ticket tag to it).
/// </summary>
public sealed record OutboundMessage(Guid MessageId, Guid TicketId, string RecipientId, string Text, string? Subject, string? InReplyTo)
{
    /// <summary>The platform's conversation of the customer's last message when it has one (a Douyin conversation id).</summary>
    public string? ThreadKey { get; init; }

    /// <summary>The thread the reply continues, oldest first, the answered message last (an e-mail's References).</summary>
    public IReadOnlyList<string> References { get; init; } = [];

    /// <summary>Written by no person (a rule's reply, a surge notice): an e-mail says so, so that nobody answers it automatically.</summary>
    public bool Automatic { get; init; }
}

/// <summary>Sent, or failed with the platform's reason; <see cref="Retryable"/> false for failures a retry cannot fix.</summary>
public sealed record SendOutcome(bool Sent, string? PlatformMessageId, string? FailureReason, bool Retryable)
{
    public static SendOutcome Delivered(string? platformMessageId) => new(true, platformMessageId, null, false);

    public static SendOutcome Failed(string reason, bool retryable) => new(false, null, reason, retryable);
}
