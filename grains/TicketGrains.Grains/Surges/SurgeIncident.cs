namespace TicketGrains.Grains.Surges;

/// <summary>A new ticket of a category as the detector counts it: which ticket and customer, whether it names an order, when.</summary>
public sealed record SurgeIncident(Guid TicketId, Guid CustomerId, bool HasOrder, DateTimeOffset At);
