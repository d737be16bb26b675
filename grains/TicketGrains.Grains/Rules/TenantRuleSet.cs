using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.Routing;

namespace TicketGrains.Grains.Rules;

/// <summary>
/// A tenant's rules as evaluated: built-in ones overlaid by the tenant's current versions (same id replaces), parsed
/// once, ordered by order then id, and split by type. Immutable; a change builds a new set.
/// </summary>
public sealed class TenantRuleSet
{
    private readonly Dictionary<string, IReadOnlyList<RuleVersion>> _triggersByKind;

    public TenantRuleSet(IEnumerable<RuleVersion> tenantRules)
    {
        var merged = BuiltInRules.Documents.ToDictionary(v => v.Id, StringComparer.Ordinal);
        foreach (var version in tenantRules)
        {
            merged[version.Id] = version;
        }

        Rules = merged.Values.Select(v => (Version: v, Rule: RuleValidator.Parse(v.Document, [])!))
            .OrderBy(r => r.Rule.Order).ThenBy(r => r.Version.Id, StringComparer.Ordinal).ToList();
        Routing = Rules.Where(r => r.Rule is { Type: RuleKinds.Routing, Enabled: true })
            .Select(r => new RoutingRule(r.Version.Id, r.Rule.When ?? new RoutingWhen(), r.Rule.Then!)).ToList();
        _triggersByKind = RuleKinds.Events.ToDictionary(k => k, k => (IReadOnlyList<RuleVersion>)Rules
            .Where(r => r.Rule is { Type: RuleKinds.Event, Enabled: true } && (r.Rule.On!.Contains(k) || r.Rule.On.Contains(RuleKinds.TicketUpdated)))
            .Select(r => r.Version).ToList());
        TimeRules = Rules.Where(r => r.Rule is { Type: RuleKinds.Time, Enabled: true }).ToList();
        Interest = new RuleInterest([.. RuleKinds.Events.Where(k => _triggersByKind[k].Count > 0)], TimeRules.Count > 0);
    }

    /// <summary>Which ticket events these rules react to.</summary>
    public RuleInterest Interest { get; }

    /// <summary>Every current rule (built-in included), in evaluation order.</summary>
    public IReadOnlyList<(RuleVersion Version, RuleDocument Rule)> Rules { get; }

    public IReadOnlyList<RoutingRule> Routing { get; }

    public IReadOnlyList<(RuleVersion Version, RuleDocument Rule)> TimeRules { get; }

    /// <summary>
    /// The enabled event rules a ticket event of <paramref name="kind"/> may fire: those listening to it, and those
    /// listening to ticket.updated (the engine lets them in from its second pass, after the ticket changed).
    /// None listen to anything for most tenants but the built-in shipped trigger.
    /// </summary>
    public IReadOnlyList<RuleVersion> TriggersFor(string kind) => _triggersByKind.GetValueOrDefault(kind) ?? [];
}
