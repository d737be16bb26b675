namespace TicketGrains.Api.Customers;

/// <summary>POST /api/v1/customers/{id}/merge: the customer merged into {id}.</summary>
public sealed record MergeRequest(string? CustomerId);
