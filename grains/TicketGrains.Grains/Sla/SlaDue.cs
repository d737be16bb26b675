namespace TicketGrains.Grains.Sla;

/// <summary>A ticket's running SLA deadline; also the keyset position a sweep continues after.</summary>
public readonly record struct SlaDue(DateTimeOffset Due, Guid TicketId);
