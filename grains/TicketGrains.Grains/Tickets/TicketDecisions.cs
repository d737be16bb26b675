using TicketGrains.Abstractions.Catalog;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Abstractions.Errors;
using TicketGrains.Grains.Channels.Outbound;
using TicketGrains.Grains.Routing;
using TicketGrains.Grains.Rules;
using TicketGrains.Grains.Sla;

namespace TicketGrains.Grains.Tickets;

/// <summary>Decides which event a command produces on a given state, or refuses it.</summary>
public static class TicketDecisions
{
    /// <summary>
    /// The new ticket, in the queue and at the priority its routing decided (the request's priority unless a rule set one),
    /// under <paramref name="plan"/>, which was chosen for the routed priority. The configured default plan is not stored:
    /// the first-reply due time alone describes it (<see cref="DefaultSlaPlan.FromLegacy"/>), as in events written before
    /// policies existed.
    /// </summary>
    public static TicketCreated Create(Guid ticketId, CreateTicket command, TicketRouted routed, SlaPlan plan, DateTimeOffset now) => new(
        ticketId,
        command.CustomerId,
        command.Channel,
        command.Subject,
        command.Body,
        command.Category,
        routed.Priority,
        routed.Queue,
        command.Fields,
        command.RequestHash,
        FirstReplyDue(plan, now),
        now,
        plan.Policy == DefaultSlaPlan.Name ? null : plan,
        routed,
        command.CustomerTier,
        command.Inbound,
        command.ProposedCategory);

    private static DateTimeOffset? FirstReplyDue(SlaPlan plan, DateTimeOffset now)
    {
        var clocks = new SlaClockSet();
        clocks.Start(plan, now);
        return clocks.Find(SlaMetrics.FirstReply)?.DueAt;
    }

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

        return new MessageAdded(author, body, isInternal, now, actor, Reply: ReplyRoutes.For(state, author, isInternal));
    }

    /// <summary>A customer's message from a channel; nothing when the ticket already holds that inbound message.</summary>
    public static MessageAdded? AddInbound(TicketState state, string body, InboundOrigin origin, DateTimeOffset now)
    {
        RequireExists(state);
        if (state.InboundMessages.Contains(origin.Message))
        {
            return null;
        }

        var message = AddMessage(state, Customer, body, isInternal: false, now, actor: "channel:" + origin.ChannelId.ToString("D"));
        return message with { Inbound = origin };
    }

    /// <summary>The author of messages written by the ticket's customer.</summary>
    public const string Customer = "customer";

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

    /// <summary>
    /// An agent's new priority for the ticket, its clocks to follow <paramref name="plan"/> (chosen for that priority);
    /// nothing when the priority is already that. Only an active ticket changes priority: a solved or closed one is done.
    /// </summary>
    public static PriorityChanged? ChangePriority(TicketState state, string to, SlaPlan plan, string actor, DateTimeOffset now)
    {
        RequireExists(state);
        if (!TicketCatalog.Priorities.Contains(to))
        {
            throw new InvalidFieldException("priority", $"Unknown priority '{to}'. Known: {string.Join(", ", TicketCatalog.Priorities)}.");
        }

        if (!TicketStatus.IsActive(state.Status))
        {
            throw new ConflictException($"A {state.Status} ticket keeps its priority: only a new, open, pending or on_hold ticket changes it.");
        }

        if (to == state.Priority)
        {
            return null;
        }

        return new PriorityChanged(state.Priority, to, actor, now, plan);
    }

    private static void RequireExists(TicketState state)
    {
        if (!state.Exists)
        {
            throw new NotFoundException("No such ticket.");
        }
    }
}
