using TicketGrains.Abstractions.Contracts;

namespace TicketGrains.Grains.Routing;

/// <summary>
/// First match wins, in the order given (the tenant's rules merged with the built-in ones, whose last rule, the default,
/// matches everything). A tenant that disabled the default and matched nothing still gets a queue: general.
/// </summary>
public static class RoutingEngine
{
    public static RoutingDecision Route(IReadOnlyList<RoutingRule> rules, RoutingInput input)
    {
        foreach (var rule in rules)
        {
            if (Explain(rule.When, input) is { } reason)
            {
                return Decide(rule, reason);
            }
        }

        return new RoutingDecision(null, "no rule matched", BuiltInRouting.General, null, [], []);
    }

    /// <summary>Why the rule matches (the conditions that held), or null when one does not.</summary>
    public static string? Explain(RoutingWhen when, RoutingInput input)
    {
        var reasons = new List<string>(4);
        if (!In(when.Categories, input.Category, "category", reasons) || !In(when.Tiers, input.Tier, "tier", reasons)
            || !In(when.Channels, input.Channel, "channel", reasons) || !In(when.Languages, input.Language, "language", reasons))
        {
            return null;
        }

        if (when.Keywords is { Count: > 0 } keywords)
        {
            var found = keywords.FirstOrDefault(k => input.Subject.Contains(k, StringComparison.OrdinalIgnoreCase) || input.Body.Contains(k, StringComparison.OrdinalIgnoreCase));
            if (found is null)
            {
                return null;
            }

            reasons.Add($"keyword '{found}'");
        }

        foreach (var (name, value) in when.Fields ?? [])
        {
            if (!input.Fields.TryGetValue(name, out var actual) || actual != value)
            {
                return null;
            }

            reasons.Add($"field {name} = '{value}'");
        }

        if (when.BusinessHours is { } hours)
        {
            if (!hours.Matches(input.At))
            {
                return null;
            }

            reasons.Add(hours.Inside ? "within business hours" : "outside business hours");
        }

        return reasons.Count == 0 ? "default (matches every ticket)" : string.Join(", ", reasons);
    }

    private static bool In(List<string>? allowed, string value, string name, List<string> reasons)
    {
        if (allowed is null or { Count: 0 })
        {
            return true;
        }

        if (!allowed.Contains(value, StringComparer.Ordinal))
        {
            return false;
        }

        reasons.Add($"{name} '{value}'");
        return true;
    }

    private static RoutingDecision Decide(RoutingRule rule, string reason) =>
        new(rule.Id, reason, rule.Then.Queue!, rule.Then.Priority, rule.Then.Skills ?? [], rule.Then.Tags ?? []);
}
