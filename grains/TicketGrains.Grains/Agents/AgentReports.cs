using TicketGrains.Abstractions.Contracts;

namespace TicketGrains.Grains.Agents;

/// <summary>
/// Which of two reports of one agent a push queue keeps. An agent reports its status to its queues with one-way calls,
/// and Orleans may deliver them out of order: an older "no room" arriving after a newer "room for one" would keep the
/// queue from offering that agent anything until its next change. Reports of one activation are numbered; across
/// activations (the agent moved after a silo died) there is no common order and the one that arrives last is kept.
/// </summary>
public static class AgentReports
{
    public static bool IsOvertaken(AgentStatus report, AgentStatus by) =>
        report.Reporter != Guid.Empty && report.Reporter == by.Reporter && report.Sequence < by.Sequence;
}
