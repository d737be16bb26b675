namespace TicketGrains.Api.Customers;

/// <summary>POST /api/v1/customers/{id}/unmerge: the merge to undo, as the merge's answer or the customer's merges name it.</summary>
public sealed record UnmergeRequest(string? MergeId);
