using TicketGrains.Abstractions.Catalog;

namespace TicketGrains.Grains.Agents;

/// <summary>
/// An agent's presence as set, and what it is at a moment: an online agent with no activity (a pull, an accept, a
/// presence change) for the idle timeout counts as away until its next activity.
/// </summary>
public sealed class PresenceClock(string presence, DateTimeOffset lastActivity, TimeSpan idleTimeout)
{
    public string Set { get; private set; } = presence;

    public DateTimeOffset LastActivity { get; private set; } = lastActivity;

    /// <summary>When an online agent turns away if nothing happens before.</summary>
    public DateTimeOffset AwayAt => LastActivity + idleTimeout;

    public string At(DateTimeOffset now) => Set == AgentPresence.Online && now >= AwayAt ? AgentPresence.Away : Set;

    public void Change(string presence, DateTimeOffset now) => (Set, LastActivity) = (presence, now);

    /// <summary>The agent did something: an online agent who had gone idle is online again; away and offline stay as set.</summary>
    public void Touch(DateTimeOffset now) => LastActivity = now;
}
