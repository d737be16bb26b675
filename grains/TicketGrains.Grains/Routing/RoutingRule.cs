namespace TicketGrains.Grains.Routing;

/// <summary>A routing rule ready to evaluate: its id, what it matches and what it sets.</summary>
public sealed record RoutingRule(string Id, RoutingWhen When, RoutingThen Then);
