using TicketGrains.Grains.Tickets;

namespace TicketGrains.Grains.ReadModel;

/// <summary>The tg_tickets row a ticket's state leaves behind: one definition for the grain's writes and the rebuild's.</summary>
public static class TicketReadModelRow
{
    /// <summary>The row after the state's last event; <paramref name="storedSubject"/> is the subject as TicketCreated stored it (sealed).</summary>
    public static TicketRow From(TicketState state, string storedSubject) => new(
        state.Id, state.Status, state.Category, state.Priority, state.Queue, state.CustomerId, state.Assignee, state.Channel, storedSubject,
        state.CreatedAt, state.UpdatedAt, state.PendingSlaDue, state.ClaimAcceptBy, state.Tier,
        TicketRow.Names(state.Skills), TicketRow.Names(state.SkippedAgents));
}
