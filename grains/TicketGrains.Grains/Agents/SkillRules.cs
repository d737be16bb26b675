using TicketGrains.Abstractions.Catalog;
using TicketGrains.Abstractions.Errors;

namespace TicketGrains.Grains.Agents;

/// <summary>Skill names share the narrow alphabet of agent and queue names; levels run from 1 to a maximum.</summary>
public static class SkillRules
{
    public const int MaxSkills = 50;

    public static void Check(string pointer, IReadOnlyDictionary<string, int> skills, int maxLevel)
    {
        if (skills.Count > MaxSkills)
        {
            throw new InvalidFieldException(pointer, $"At most {MaxSkills} skills.");
        }

        foreach (var (skill, level) in skills)
        {
            if (!AgentIds.IsValid(skill))
            {
                throw new InvalidFieldException($"{pointer}/{skill}", "A skill name is 1-64 letters, digits, '.', '_', '-' or '@'.");
            }

            if (level < 1 || level > maxLevel)
            {
                throw new InvalidFieldException($"{pointer}/{skill}", $"A skill level is from 1 to {maxLevel}.");
            }
        }
    }
}
