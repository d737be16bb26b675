using TicketGrains.Abstractions.Contracts;

namespace TicketGrains.Grains.Sla;

/// <summary>Chooses a new ticket's plan: the first policy, in order, whose conditions all hold; else the default.</summary>
public static class SlaPolicySelector
{
    /// <summary>Policies in the order they are tried: by order, then name.</summary>
    public static IEnumerable<SlaDocumentEntry<SlaPolicyDocument>> InOrder(IEnumerable<SlaDocumentEntry<SlaPolicyDocument>> policies) =>
        policies.OrderBy(p => p.Document.Order).ThenBy(p => p.Name, StringComparer.Ordinal);

    /// <param name="ordered">The tenant's policies in <see cref="InOrder"/>.</param>
    /// <param name="calendarOf">The calendar of that name, if it exists.</param>
    /// <param name="ticket">The new ticket.</param>
    /// <param name="defaults">The configured first-reply targets, used when no policy matches.</param>
    public static SlaPlan Select(IEnumerable<SlaDocumentEntry<SlaPolicyDocument>> ordered, Func<string, CalendarDocument?> calendarOf,
        SlaTicketFacts ticket, SlaOptions defaults)
    {
        foreach (var entry in ordered)
        {
            if (Matches(entry.Document.Conditions, ticket))
            {
                return PlanOf(entry, calendarOf, ticket.Priority);
            }
        }

        return DefaultSlaPlan.For(defaults, ticket.Priority);
    }

    public static bool Matches(SlaConditions? conditions, SlaTicketFacts ticket) =>
        conditions is null
        || (Holds(conditions.Category, ticket.Category) && Holds(conditions.Tier, ticket.Tier)
            && Holds(conditions.Channel, ticket.Channel) && Holds(conditions.Priority, ticket.Priority));

    /// <summary>Per metric, the target for the ticket's priority, else the one for every priority.</summary>
    private static SlaPlan PlanOf(SlaDocumentEntry<SlaPolicyDocument> entry, Func<string, CalendarDocument?> calendarOf, string priority)
    {
        var policy = entry.Document;
        var targets = new List<SlaPlanTarget>();
        foreach (var metric in SlaMetrics.All)
        {
            var target = policy.Targets!.FirstOrDefault(t => t.Metric == metric && t.Priority == priority)
                ?? policy.Targets!.FirstOrDefault(t => t.Metric == metric && t.Priority is null);
            if (target is not null)
            {
                targets.Add(new SlaPlanTarget(metric, target.Seconds!.Value, target.BusinessHours));
            }
        }

        return new SlaPlan
        {
            Policy = entry.Name,
            Version = entry.Version,
            Calendar = policy.Calendar is { } name ? calendarOf(name) : null,
            Targets = targets,
            WarnBeforeSeconds = policy.WarnBeforeSeconds,
            Escalation = policy.Escalation,
        };
    }

    private static bool Holds(IReadOnlyList<string>? allowed, string value) => allowed is not { Count: > 0 } || allowed.Contains(value);
}
