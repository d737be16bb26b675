using TicketGrains.Grains.Channels.Outbound;
using TicketGrains.Grains.EventLog;
using TicketGrains.Grains.Routing;
using TicketGrains.Grains.Tickets;

namespace TicketGrains.Grains.Rules;

/// <summary>The event one action makes on a ticket, or null when it would change nothing or is not allowed now.</summary>
public static class TriggerActions
{
    public static IDomainEvent? Decide(RuleAction action, TicketState ticket, IReadOnlyDictionary<string, string> attributes, string actor, DateTimeOffset now)
    {
        var closed = ticket.Status == Abstractions.Catalog.TicketStatus.Closed;
        switch (action.Type)
        {
            case "setStatus" when action.Value != ticket.Status && TicketStateMachine.CanMove(ticket.Status, action.Value!):
                return new StatusChanged(ticket.Status, action.Value!, actor, now);
            case "setPriority" when action.Value != ticket.Priority && !closed:
                return new PriorityChanged(ticket.Priority, action.Value!, actor, now);
            case "addTags" when action.Values!.Where(t => !ticket.Tags.Contains(t)).Distinct().ToArray() is { Length: > 0 } added && !closed:
                return new TagsChanged(added, [], actor, now);
            case "removeTags" when action.Values!.Where(ticket.Tags.Contains).Distinct().ToArray() is { Length: > 0 } removed && !closed:
                return new TagsChanged([], removed, actor, now);
            case "setFields" when action.Fields!.Where(f => ticket.Fields.GetValueOrDefault(f.Key) != f.Value).ToDictionary() is { Count: > 0 } set && !closed:
                return new FieldsChanged(set, actor, now);
            case "route" when action.Queue != ticket.Queue && !closed:
                return new TicketRouted(actor["trigger:".Length..], $"action route of {actor}", action.Queue!, ticket.Priority, [.. action.Values ?? []], [], now);
            case "reply" when !closed:
                // A public reply goes to the customer like an agent's, through the channel they last wrote on.
                return new MessageAdded(actor, ReplyTemplate.Render(action.Body!, ticket, attributes), action.Internal, now, actor,
                    Reply: ReplyRoutes.For(ticket, actor, action.Internal));
            case "notify" when !closed:
                return new MessageAdded(actor, $"@{action.To} {ReplyTemplate.Render(action.Body!, ticket, attributes)}", true, now, actor);
            default:
                return null;
        }
    }
}
