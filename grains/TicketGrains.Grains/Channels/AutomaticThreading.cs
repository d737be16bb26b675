using TicketGrains.Abstractions.Contracts;

namespace TicketGrains.Grains.Channels;

/// <summary>
/// Where an automatic message goes (an out-of-office reply, a vacation notice; ADR 0013's addendum): onto the ticket it
/// names when that ticket is its sender's customer's and not closed, a solved one included (an out-of-office reply to the
/// reply that solved it is common); else onto the customer's open ticket on the same channel and conversation, the one
/// written on last; else nowhere. It never opens a ticket: nobody wrote it, and a ticket would invite an answer to a
/// machine. Order numbers join nothing here: an automatic message quotes whatever it answers. Pure.
/// </summary>
public static class AutomaticThreading
{
    /// <summary>The rule of an automatic message that joined the ticket it names.</summary>
    public const string Named = "named";

    /// <summary>The rule of an automatic message that joined no ticket: it stays in its inbound stream only.</summary>
    public const string Unfiled = "unfiled";

    public static ThreadingDecision Decide(
        Guid customerId, Guid channelId, string threadKeyHash, TicketThreadFacts? named, IReadOnlyList<TicketThreadFacts> customerTickets)
    {
        if (named is { Closed: false } && named.CustomerId == customerId)
        {
            return new ThreadingDecision(named.TicketId, Named, "automatic mail naming this ticket of the customer (its subject's tag or the reply it answers)");
        }

        var sameConversation = customerTickets
            .Where(t => t.Open && t.ChannelId == channelId && t.ThreadKeyHashes.Contains(threadKeyHash))
            .OrderByDescending(t => t.LastCustomerMessageAt).ThenBy(t => t.TicketId)
            .FirstOrDefault();
        if (sameConversation is not null)
        {
            return new ThreadingDecision(sameConversation.TicketId, ThreadingRule.Thread, "automatic mail in the same conversation as this open ticket on the same channel");
        }

        var why = named is null ? "names no ticket" : named.CustomerId != customerId ? "names a ticket of another customer" : "names a closed ticket";
        return new ThreadingDecision(null, Unfiled, $"automatic mail that {why} and shares no conversation with an open ticket of the customer: kept here, no ticket opened");
    }
}
