using TicketGrains.Abstractions.Catalog;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Abstractions.Errors;
using TicketGrains.Grains.Routing;
using TicketGrains.Grains.Sla;

namespace TicketGrains.Grains.Tickets;

/// <summary>Decides which event a command produces on a given state, or refuses it.</summary>
public static class TicketDecisions
{
    public static TicketCreated Create(Guid ticketId, CreateTicket command, SlaOptions sla, DateTimeOffset now) => new(
        ticketId,
        command.CustomerId,
        command.Channel,
        command.Subject,
        command.Body,
        command.Category,
        command.Priority,
        QueueSelector.Select(command.Category, command.CustomerTier),
        command.Fields,
        command.RequestHash,
        now + sla.FirstResponseTarget(command.Priority),
        now,
        command.CustomerTier);

    public static MessageAdded AddMessage(TicketState state, string author, string body, bool isInternal, DateTimeOffset now, string? actor = null)
    {
        RequireExists(state);
        if (string.IsNullOrWhiteSpace(author))
        {
            throw new InvalidFieldException("author", "The author is required.");
        }

        if (string.IsNullOrWhiteSpace(body))
        {
            throw new InvalidFieldException("body", "The message body is required.");
        }

        if (body.Length > TicketCatalog.MaxMessageLength)
        {
            throw new InvalidFieldException("body", $"The message body is longer than {TicketCatalog.MaxMessageLength} characters.");
        }

        if (state.Status == TicketStatus.Closed)
        {
            throw new InvalidFieldException("status", "A closed ticket takes no more messages; open a follow-up ticket.");
        }

        return new MessageAdded(author, body, isInternal, now, actor);
    }

    public static StatusChanged ChangeStatus(TicketState state, string to, string actor, DateTimeOffset now)
    {
        RequireExists(state);
        if (!TicketStatus.All.Contains(to))
        {
            throw new InvalidFieldException("status", $"Unknown status '{to}'. Known: {string.Join(", ", TicketStatus.All)}.");
        }

        if (!TicketStateMachine.CanMove(state.Status, to))
        {
            var allowed = TicketStateMachine.TargetsFrom(state.Status);
            var hint = allowed.Count == 0 ? "none" : string.Join(", ", allowed);
            throw new InvalidFieldException("status", $"A ticket cannot move from '{state.Status}' to '{to}' (allowed: {hint}).");
        }

        return new StatusChanged(state.Status, to, actor, now);
    }

    public static AssigneeChanged Assign(TicketState state, string? agentId, string actor, DateTimeOffset now)
    {
        RequireExists(state);
        if (agentId is not null && !AgentIds.IsValid(agentId))
        {
            throw new InvalidFieldException("agentId", "An agent id is 1-64 letters, digits, '.', '_', '-' or '@'.");
        }

        if (!TicketStatus.IsActive(state.Status))
        {
            throw new InvalidFieldException("status", $"A {state.Status} ticket cannot be reassigned.");
        }

        return new AssigneeChanged(state.Assignee, agentId, actor, now);
    }

    /// <summary>An SLA breach is due when the deadline passed and a first response is still awaited.</summary>
    public static SlaBreached? CheckSla(TicketState state, DateTimeOffset now) =>
        state.PendingSlaDue is { } due && due <= now ? new SlaBreached(due, now) : null;

    private static void RequireExists(TicketState state)
    {
        if (!state.Exists)
        {
            throw new NotFoundException("No such ticket.");
        }
    }
}
