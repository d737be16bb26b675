namespace TicketGrains.Grains.ReadModel;

/// <summary>One ticket's row as the rebuild folded it from the log, with the tenant and stream version it belongs to.</summary>
public sealed record RebuiltRow(string TenantId, int Version, TicketRow Row);
