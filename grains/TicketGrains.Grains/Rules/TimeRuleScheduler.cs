using System.Text.Json;
using TicketGrains.Abstractions;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Abstractions.Grains;
using TicketGrains.Grains.EventLog;
using TicketGrains.Grains.Pipeline;

namespace TicketGrains.Grains.Rules;

/// <summary>
/// The time-rule half of the triggers subscriber: when a ticket of a tenant with time rules is created or changes
/// status (whoever changed it, a rule included), its due rows are replaced and the tenant's clock is told the earliest.
/// </summary>
public sealed class TimeRuleScheduler(TimeRuleDueStore store)
{
    public async Task ScheduleAsync(IGrainFactory grains, IReadOnlyList<CommittedEvent> events)
    {
        var rulesByTenant = new Dictionary<string, IReadOnlyList<RuleVersion>>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            if (StatusEntered(e) is not { } entered || !StreamIds.TryTicketId(e.StreamId, out var ticket))
            {
                continue;
            }

            if (!rulesByTenant.TryGetValue(e.TenantId, out var rules))
            {
                rules = rulesByTenant[e.TenantId] = await grains.Reference<ITenantRulesGrain>(e.TenantId).TimeRulesAsync();
            }

            if (rules.Count == 0)
            {
                continue;
            }

            var dues = TimeRulePlan.For(ticket, rules, entered.Status, entered.At);
            await store.ReplaceAsync(e.TenantId, ticket, dues);
            if (dues.Count > 0)
            {
                await grains.Reference<ITimeRuleClockGrain>(e.TenantId).WatchAsync(dues.Min(d => d.DueAt));
            }
        }
    }

    /// <summary>The status a ticket event puts the ticket in and when, for the events that set one.</summary>
    private static (string Status, DateTimeOffset At)? StatusEntered(CommittedEvent e)
    {
        if (e.EventType is not ("TicketCreated" or "StatusChanged"))
        {
            return null;
        }

        using var json = JsonDocument.Parse(e.Data);
        var at = json.RootElement.GetProperty("at").GetDateTimeOffset();
        return e.EventType == "TicketCreated" ? ("new", at) : (json.RootElement.GetProperty("to").GetString()!, at);
    }
}
