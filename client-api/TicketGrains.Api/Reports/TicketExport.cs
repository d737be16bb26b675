using TicketGrains.Api.Tickets;

namespace TicketGrains.Api.Reports;

/// <summary>The tickets of one export, in listing order.</summary>
public sealed record TicketExport(IReadOnlyList<TicketListing.Item> Rows);
