using TicketGrains.Abstractions.Catalog;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Abstractions.Errors;

namespace TicketGrains.Grains.Agents;

/// <summary>Checks a queue definition before it is stored; a refusal names the bad clause by JSON pointer.</summary>
public static class QueueDefinitionRules
{
    public const int MaxSkillLevel = 10;
    public const int MaxSeconds = 7 * 24 * 3600;

    private static readonly IReadOnlySet<string> Strategies = new HashSet<string>(StringComparer.Ordinal) { QueueDefinition.Pull, QueueDefinition.Push };

    private static readonly IReadOnlySet<string> PushStrategies =
        new HashSet<string>(StringComparer.Ordinal) { QueueDefinition.MostSpareCapacity, QueueDefinition.RoundRobin };

    public static void Check(string name, QueueDefinition queue)
    {
        SkillRules.Check("/requiredSkills", queue.RequiredSkills, MaxSkillLevel);
        for (var i = 0; i < queue.Order.Count; i++)
        {
            if (!QueueOrder.Keys.Contains(queue.Order[i]) || queue.Order.Take(i).Contains(queue.Order[i]))
            {
                throw new InvalidFieldException($"/order/{i}", $"Order keys are {string.Join(", ", QueueOrder.Keys)}, each at most once; not '{queue.Order[i]}'.");
            }
        }

        if (queue.OverflowQueue is { } overflow && (!AgentIds.IsValid(overflow) || overflow == name))
        {
            throw new InvalidFieldException("/overflowQueue", "The overflow queue is another queue's name (1-64 letters, digits, '.', '_', '-' or '@').");
        }

        if ((queue.OverflowQueue is null) != (queue.OverflowAfterSeconds is null))
        {
            throw new InvalidFieldException("/overflowAfterSeconds", "overflowQueue and overflowAfterSeconds go together.");
        }

        CheckSeconds("/overflowAfterSeconds", queue.OverflowAfterSeconds);
        CheckSeconds("/widenAfterSeconds", queue.WidenAfterSeconds);
        CheckSeconds("/offerTimeoutSeconds", queue.OfferTimeoutSeconds);
        if (!Strategies.Contains(queue.Strategy))
        {
            throw new InvalidFieldException("/strategy", "The strategy is 'pull' or 'push'.");
        }

        if (!PushStrategies.Contains(queue.PushStrategy))
        {
            throw new InvalidFieldException("/pushStrategy", "The push strategy is 'most-spare-capacity' or 'round-robin'.");
        }
    }

    private static void CheckSeconds(string pointer, int? seconds)
    {
        if (seconds is < 1 or > MaxSeconds)
        {
            throw new InvalidFieldException(pointer, $"A time in whole seconds from 1 to {MaxSeconds}.");
        }
    }
}
