namespace TicketGrains.Abstractions.Catalog;

/// <summary>An agent's presence: only online agents are handed tickets; going offline returns the ones not started.</summary>
public static class AgentPresence
{
    public const string Online = "online";
    public const string Away = "away";
    public const string Offline = "offline";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Online, Away, Offline };
}
