using Orleans.Concurrency;
using TicketGrains.Abstractions.Contracts;

namespace TicketGrains.Abstractions.Grains;

/// <summary>
/// One per tenant, keyed by tenant id: the tenant's routing rules, triggers, time rules and templates, held in memory
/// and written through to PostgreSQL. Being one activation cluster-wide, a change is seen by the next routing decision
/// everywhere.
/// </summary>
[Alias("TicketGrains.ITenantRulesGrain")]
public interface ITenantRulesGrain : IGrainWithStringKey
{
    /// <summary>Routes a new ticket: the tenant's routing rules in order, then the built-in ones; first match wins.</summary>
    [ReadOnly]
    [Alias("Route")]
    Task<RoutingDecision> RouteAsync(CreateTicket ticket);

    /// <summary>
    /// While a category surges, its new tickets go to <paramref name="queue"/> ahead of every rule; null ends that. Kept
    /// with the rule documents (kind <c>surge-route</c>), so it outlives the activation.
    /// </summary>
    [Alias("SetSurgeRoute")]
    Task SetSurgeRouteAsync(string category, string? queue, string actor);

    /// <summary>The current version of every rule (built-in ones included), by order then id.</summary>
    [ReadOnly]
    [Alias("ListRules")]
    Task<IReadOnlyList<RuleVersion>> ListRulesAsync();

    /// <summary>Every stored version of one rule, oldest first; empty when it does not exist.</summary>
    [ReadOnly]
    [Alias("RuleHistory")]
    Task<IReadOnlyList<RuleVersion>> RuleHistoryAsync(string id);

    /// <summary>Stores a new version of a rule (already validated); it applies from the next decision.</summary>
    [Alias("PutRule")]
    Task<RuleVersion> PutRuleAsync(string id, string document, string actor);

    /// <summary>The enabled event rules listening to <paramref name="kind"/>; empty (and cheap) for most.</summary>
    [ReadOnly]
    [Alias("TriggersFor")]
    Task<IReadOnlyList<RuleVersion>> TriggersForAsync(string kind);

    /// <summary>Which ticket events the tenant's enabled triggers and time rules react to.</summary>
    [ReadOnly]
    [Alias("Interest")]
    Task<RuleInterest> InterestAsync();

    /// <summary>The tenant's templates (built-in ones and its own), current versions.</summary>
    [ReadOnly]
    [Alias("ListTemplates")]
    Task<IReadOnlyList<RuleVersion>> ListTemplatesAsync();

    /// <summary>The template applied last (its name is the document, with who applied it and when), or null when none was.</summary>
    [ReadOnly]
    [Alias("AppliedTemplate")]
    Task<RuleVersion?> AppliedTemplateAsync();

    /// <summary>Stores a new version of a template (already validated).</summary>
    [Alias("PutTemplate")]
    Task<RuleVersion> PutTemplateAsync(string name, string document, string actor);

    /// <summary>
    /// Applies a template: its calendars, SLA policies and queues are written, its routing rules and triggers replace
    /// those of the template applied before; returns the ids of the rules written.
    /// </summary>
    [Alias("ApplyTemplate")]
    Task<IReadOnlyList<string>> ApplyTemplateAsync(string name, string actor);

    /// <summary>The enabled time rules (id, status, seconds), for the tenant's time-rule clock.</summary>
    [ReadOnly]
    [Alias("TimeRules")]
    Task<IReadOnlyList<RuleVersion>> TimeRulesAsync();
}
