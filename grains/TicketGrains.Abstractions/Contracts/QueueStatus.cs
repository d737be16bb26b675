namespace TicketGrains.Abstractions.Contracts;

/// <summary>
/// What a supervisor watches on a queue right now: tickets waiting in it, tickets handed to an agent whose claim is not
/// settled yet, and agents long-polling it for their next ticket.
/// </summary>
[GenerateSerializer, Immutable, Alias("TicketGrains.QueueStatus")]
public sealed record class QueueStatus(
    [property: Id(0)] string Name,
    [property: Id(1)] int WaitingTickets,
    [property: Id(2)] int HandedOut,
    [property: Id(3)] int WaitingAgents);
