namespace TicketGrains.Abstractions.Contracts;

/// <summary>How an agent answered a push queue's offer.</summary>
[GenerateSerializer, Alias("TicketGrains.OfferOutcome")]
public enum OfferOutcome
{
    /// <summary>The ticket's log recorded the offer; the agent has until its deadline to accept.</summary>
    Offered,

    /// <summary>The agent is not online or has no room for the ticket's channel kind now.</summary>
    Unavailable,

    /// <summary>The ticket refused: it no longer waits, or this agent let an offer of it lapse or declined one.</summary>
    Refused,
}
