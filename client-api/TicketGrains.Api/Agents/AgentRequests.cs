namespace TicketGrains.Api.Agents;

/// <summary>Body of PUT /api/v1/agents/{agentId}: skills with levels, capacity per channel kind, queues served in pull order.</summary>
public sealed record PutAgentRequest(Dictionary<string, int>? Skills, Dictionary<string, int>? Capacity, List<string>? Queues);

/// <summary>Body of PUT /api/v1/agents/{agentId}/presence.</summary>
public sealed record PresenceRequest(string? Presence);

/// <summary>Body of PUT /api/v1/queues/{name}; absent members take the defaults of GET on a queue never defined.</summary>
public sealed record PutQueueRequest(
    Dictionary<string, int>? RequiredSkills,
    List<string>? Order,
    string? OverflowQueue,
    int? OverflowAfterSeconds,
    string? Strategy,
    string? PushStrategy,
    int? OfferTimeoutSeconds,
    int? WidenAfterSeconds);
