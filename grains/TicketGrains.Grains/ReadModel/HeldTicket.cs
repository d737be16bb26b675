namespace TicketGrains.Grains.ReadModel;

/// <summary>A new or open ticket assigned to an agent, with the channel whose kind of capacity it uses.</summary>
public sealed record HeldTicket(Guid TicketId, string Channel);
