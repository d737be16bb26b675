namespace TicketGrains.Abstractions.Contracts;

/// <summary>
/// The outcome of erasing a customer's personal data: how many live data keys were destroyed (0 on a repeat) and how
/// many of the customer's tickets were told to drop their in-memory copies.
/// </summary>
[GenerateSerializer, Immutable, Alias("TicketGrains.PersonalDataErasure")]
public sealed record class PersonalDataErasure(
    [property: Id(0)] Guid CustomerId,
    [property: Id(1)] int KeysDestroyed,
    [property: Id(2)] int TicketsReleased);
