using TicketGrains.Abstractions.Catalog;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.Tickets;

namespace TicketGrains.Grains.Agents;

/// <summary>A waiting ticket as its queue sees it: what the queue orders it by and which agents may have it.</summary>
public static class QueuedTickets
{
    public static QueuedTicket Of(TicketState state) => new(state.Id, TicketCatalog.PriorityRank(state.Priority), state.CreatedAt)
    {
        Channel = state.Channel,
        TierRank = CustomerTiers.Rank(state.Tier),
        SlaDueAt = state.PendingSlaDue,
        Skills = [.. state.Skills],
        SkippedAgents = [.. state.SkippedAgents],
        Version = state.Version,
    };
}
