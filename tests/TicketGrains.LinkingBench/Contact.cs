namespace TicketGrains.LinkingBench;

/// <summary>One identity of a person on one channel, with the customer id a first contact through it gets.</summary>
public sealed record Contact(Person Person, string Channel, string ExternalId, Guid CustomerId);
