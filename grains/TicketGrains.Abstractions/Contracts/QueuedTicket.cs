namespace TicketGrains.Abstractions.Contracts;

/// <summary>
/// A ticket waiting in a queue with what the queue orders and matches it by. A queue rebuilt from the read model gets
/// the same fields from its rows (tg_tickets keeps tier, skills and skipped agents for this); the ticket's own log
/// still refuses an agent it must skip.
/// </summary>
[GenerateSerializer, Immutable, Alias("TicketGrains.QueuedTicket")]
public sealed record class QueuedTicket(
    [property: Id(0)] Guid TicketId,
    [property: Id(1)] int PriorityRank,
    [property: Id(2)] DateTimeOffset EnqueuedAt)
{
    /// <summary>The ticket's channel; its kind (<see cref="Catalog.ChannelKinds"/>) decides whose capacity it uses.</summary>
    [Id(3)] public string Channel { get; init; } = "web";

    /// <summary>The customer's tier rank (<see cref="Catalog.CustomerTiers"/>), higher first when a queue orders by tier.</summary>
    [Id(4)] public int TierRank { get; init; }

    [Id(5)] public DateTimeOffset? SlaDueAt { get; init; }

    /// <summary>Skills the routing decision asked for, on top of the queue's own.</summary>
    [Id(6)] public IReadOnlyList<string> Skills { get; init; } = [];

    /// <summary>Agents who declined or let lapse an offer of this ticket: it is not offered to them again.</summary>
    [Id(7)] public IReadOnlyList<string> SkippedAgents { get; init; } = [];

    /// <summary>
    /// The ticket's log version when it was queued (0: unknown). The queue ignores a message older than one it already
    /// heard, since one-way messages can arrive out of order.
    /// </summary>
    [Id(8)] public int Version { get; init; }
}
