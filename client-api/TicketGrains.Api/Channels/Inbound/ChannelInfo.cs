namespace TicketGrains.Api.Channels.Inbound;

/// <summary>A configured channel as the inbound and outbound sides see it, settings decrypted (never sent to a client).</summary>
public sealed record ChannelInfo(Guid Id, string Tenant, string Type, string Name, IReadOnlyDictionary<string, string> Settings);

/// <summary>Looks channels up for the inbound side (kept in memory, refreshed when a channel changes).</summary>
public interface IChannelDirectory
{
    Task<ChannelInfo?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Every channel of one type across tenants (the SMTP listener matches a recipient to an e-mail channel).</summary>
    Task<IReadOnlyList<ChannelInfo>> OfTypeAsync(string type, CancellationToken cancellationToken);
}

/// <summary>
/// Stores inbound messages durably, each once: a message whose (channel, platform message id) was stored before is a
/// repeat and counts as stored. Returns when every message is durable; the ticket work happens after, from the log.
/// </summary>
public interface IInboundAcceptor
{
    Task<AcceptedMessages> AcceptAsync(ChannelInfo channel, IReadOnlyList<InboundMessage> messages, CancellationToken cancellationToken);
}

/// <summary>How many messages were new and how many were repeats of messages stored before.</summary>
public sealed record AcceptedMessages(int Stored, int Repeats);
