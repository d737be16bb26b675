using Microsoft.Extensions.DependencyInjection;
using TicketGrains.Abstractions;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Abstractions.Grains;
using TicketGrains.Grains.EventLog;
using TicketGrains.Grains.Pipeline;

namespace TicketGrains.Grains.Rules;

/// <summary>
/// Runs event rules from the committed-event pipeline. Per page it asks each tenant once per event kind for the rules
/// listening to it (an in-memory answer, empty for most kinds of most tenants), and only tickets with rules to run are
/// called; a ticket's events run in log order (the pipeline reads the data of only the event types rules react to), different tickets in parallel. A ticket runs each position once.
/// </summary>
public sealed class TriggerSubscriber(IServiceProvider services, TimeRuleScheduler timeRules) : ISelectiveEventSubscriber
{
    // Resolved lazily: the cluster client depends on services that are built after this one.
    private readonly Lazy<IGrainFactory> _grains = new(services.GetRequiredService<IGrainFactory>);

    public string Name => "triggers";

    public SubscriberStart StartFrom => SubscriberStart.Now;

    /// <summary>
    /// Only the ticket events some rule of their tenant reacts to are read with their data: for most tenants most
    /// events start nothing, and reading every event's data cost the database more than the creates' own inserts.
    /// Each tenant of the page is asked once (an in-memory answer of its rules grain).
    /// </summary>
    public async ValueTask<Func<EventHeader, bool>> SelectAsync(IReadOnlyList<EventHeader> page, CancellationToken cancellationToken)
    {
        var tenants = page.Where(IsRuleCandidate).Select(h => h.TenantId).Distinct(StringComparer.Ordinal).ToList();
        var interests = await Task.WhenAll(tenants.Select(t => _grains.Value.Reference<ITenantRulesGrain>(t).InterestAsync()));
        var byTenant = tenants.Zip(interests).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
        return h => IsRuleCandidate(h) && TriggerEventKinds.Concerns(byTenant[h.TenantId], h.EventType);
    }

    private static bool IsRuleCandidate(EventHeader h) =>
        TriggerEventKinds.IsRuleEvent(h.EventType) && h.StreamId.StartsWith(StreamIds.TicketPrefix, StringComparison.Ordinal);

    public async Task HandleAsync(IReadOnlyList<CommittedEvent> events, CancellationToken cancellationToken)
    {
        await RunEventRulesAsync(events);
        await timeRules.ScheduleAsync(_grains.Value, events);
    }

    private async Task RunEventRulesAsync(IReadOnlyList<CommittedEvent> events)
    {
        var rulesByTenantKind = new Dictionary<(string Tenant, string Kind), IReadOnlyList<RuleVersion>>();
        var runs = new List<(string Tenant, Guid Ticket, TriggerRun Run)>();
        foreach (var e in events)
        {
            if (TriggerEventKinds.KindOf(e) is not { } kind || !StreamIds.TryTicketId(e.StreamId, out var ticket) || !TriggerEventKinds.StartsRules(e))
            {
                continue;
            }

            if (!rulesByTenantKind.TryGetValue((e.TenantId, kind), out var rules))
            {
                rules = rulesByTenantKind[(e.TenantId, kind)] = await _grains.Value.Reference<ITenantRulesGrain>(e.TenantId).TriggersForAsync(kind);
            }

            if (rules.Count > 0)
            {
                runs.Add((e.TenantId, ticket, new TriggerRun(e.Position, kind, TriggerEventKinds.AttributesOf(e), rules)));
            }
        }

        await Task.WhenAll(runs.GroupBy(r => (r.Tenant, r.Ticket)).Select(async ticketRuns =>
        {
            var grain = _grains.Value.Reference<ITicketGrain>(GrainKeys.For(ticketRuns.Key.Tenant, ticketRuns.Key.Ticket));
            foreach (var (_, _, run) in ticketRuns)
            {
                await grain.RunTriggersAsync(run);
            }
        }));
    }
}
