namespace TicketGrains.Abstractions.Contracts;

/// <summary>The answer to a create: the ticket as its first create made it, and whether this call was a repeat of that one.</summary>
[GenerateSerializer, Immutable, Alias("TicketGrains.CreatedTicket")]
public sealed record class CreatedTicket(
    [property: Id(0)] TicketView Ticket,
    [property: Id(1)] bool Repeated);
