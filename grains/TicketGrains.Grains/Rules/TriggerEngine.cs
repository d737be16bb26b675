using System.Text.Json;
using TicketGrains.Grains.EventLog;
using TicketGrains.Grains.Tickets;

namespace TicketGrains.Grains.Rules;

/// <summary>
/// Runs event or time rules on a copy of a ticket: pass after pass over the rules in order, each rule at most once per
/// update, until a pass fires nothing (stable) or <see cref="MaxPasses"/> passes ran (the loop guard). After the first
/// pass the rules listening to ticket.updated join in, since the ticket was just updated. Each rule sees the changes
/// of those that fired before it.
/// </summary>
public static class TriggerEngine
{
    public const int MaxPasses = 10;

    public static TriggerOutcome Run(TicketState ticket, string kind, IReadOnlyDictionary<string, string> attributes,
        IReadOnlyList<(string Id, RuleDocument Rule)> rules, DateTimeOffset now, int maxPasses = MaxPasses)
    {
        var working = Copy(ticket);
        var fired = new List<string>();
        var events = new List<IDomainEvent>();
        var webhooks = new List<string>();
        var passes = 0;
        while (true)
        {
            passes++;
            var firedThisPass = false;
            foreach (var (id, rule) in rules)
            {
                var listens = rule.Type == RuleKinds.Time || rule.On!.Contains(kind) || (passes > 1 && rule.On.Contains(RuleKinds.TicketUpdated));
                if (!rule.Enabled || !listens || fired.Contains(id) || !RuleMatcher.Matches(rule.Conditions, working, attributes))
                {
                    continue;
                }

                fired.Add(id);
                firedThisPass = true;
                foreach (var action in rule.Actions!)
                {
                    if (action.Type == "webhook")
                    {
                        webhooks.Add(action.Url!);
                    }
                    else if (TriggerActions.Decide(action, working, attributes, "trigger:" + id, now) is { } e)
                    {
                        working.Apply(e);
                        events.Add(e);
                    }
                }
            }

            if (!firedThisPass)
            {
                return new TriggerOutcome(fired, events, passes, false, webhooks);
            }

            if (passes == maxPasses)
            {
                return new TriggerOutcome(fired, events, passes, true, webhooks);
            }
        }
    }

    private static TicketState Copy(TicketState ticket) =>
        JsonSerializer.Deserialize<TicketState>(JsonSerializer.Serialize(ticket, EventSerializer.Options), EventSerializer.Options)!;
}
