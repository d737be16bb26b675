using TicketGrains.Grains.Routing;

namespace TicketGrains.Grains.Rules;

/// <summary>
/// A tenant's rule as written to PUT /api/v1/rules/{id}. <see cref="Type"/> says which parts apply: "routing"
/// (<see cref="When"/> → <see cref="Then"/>), "event" (<see cref="On"/>, <see cref="Conditions"/>, <see cref="Actions"/>)
/// or "time" (<see cref="Status"/> for <see cref="AfterSeconds"/>, <see cref="Conditions"/>, <see cref="Actions"/>).
/// Rules run by <see cref="Order"/>, then id.
/// </summary>
public sealed class RuleDocument
{
    public string? Type { get; init; }
    public bool Enabled { get; init; } = true;
    public int Order { get; init; } = 100;
    public string? Description { get; init; }

    /// <summary>The template that wrote this rule; applying another template disables it.</summary>
    public string? Template { get; init; }

    public RoutingWhen? When { get; init; }
    public RoutingThen? Then { get; init; }
    public List<string>? On { get; init; }
    public RuleConditions? Conditions { get; init; }
    public List<RuleAction>? Actions { get; init; }
    public string? Status { get; init; }
    public int? AfterSeconds { get; init; }
}
