using TicketGrains.Abstractions.Catalog;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Abstractions.Errors;

namespace TicketGrains.Grains.Agents;

/// <summary>Checks an agent definition before it is stored; a refusal names the bad field by JSON pointer.</summary>
public static class AgentDefinitionRules
{
    public const int MaxQueues = 20;
    public const int MaxCapacity = 1000;

    public static void Check(AgentDefinition agent)
    {
        SkillRules.Check("/skills", agent.Skills, QueueDefinitionRules.MaxSkillLevel);
        foreach (var (kind, limit) in agent.Capacity)
        {
            if (!ChannelKinds.All.Contains(kind))
            {
                throw new InvalidFieldException($"/capacity/{kind}", $"Capacity is per channel kind: {string.Join(", ", ChannelKinds.All)}.");
            }

            if (limit < 0 || limit > MaxCapacity)
            {
                throw new InvalidFieldException($"/capacity/{kind}", $"A capacity is from 0 to {MaxCapacity}.");
            }
        }

        if (agent.Queues.Count > MaxQueues)
        {
            throw new InvalidFieldException("/queues", $"An agent serves at most {MaxQueues} queues.");
        }

        for (var i = 0; i < agent.Queues.Count; i++)
        {
            if (!AgentIds.IsValid(agent.Queues[i]))
            {
                throw new InvalidFieldException($"/queues/{i}", $"'{agent.Queues[i]}' is not a valid queue name.");
            }
        }
    }
}
