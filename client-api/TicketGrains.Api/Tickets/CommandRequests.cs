namespace TicketGrains.Api.Tickets;

/// <summary>Body of POST /api/v1/tickets/{id}/messages.</summary>
public sealed record AddMessageRequest(string? Author, string? Body, bool Internal, int? ExpectedVersion);

/// <summary>Body of POST /api/v1/tickets/{id}/status.</summary>
public sealed record ChangeStatusRequest(string? Status, int? ExpectedVersion);

/// <summary>Body of POST /api/v1/tickets/{id}/priority: one of TicketCatalog.Priorities.</summary>
public sealed record ChangePriorityRequest(string? Priority, int? ExpectedVersion);

/// <summary>Body of POST /api/v1/tickets/{id}/assignee; a null agentId unassigns.</summary>
public sealed record AssignRequest(string? AgentId, int? ExpectedVersion);

/// <summary>Body of PUT /api/v1/agents/{agentId}/queues.</summary>
public sealed record SetQueuesRequest(List<string>? Queues);
