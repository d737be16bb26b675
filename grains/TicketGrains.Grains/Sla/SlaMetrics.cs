using TicketGrains.Abstractions.Catalog;

namespace TicketGrains.Grains.Sla;

/// <summary>
/// The six SLA metrics and the statuses each counts in (docs/sla.md defines them). In any other status a running clock
/// pauses; "closed" ends every clock. The reply metrics are also started and fulfilled by messages (<see cref="SlaClockSet"/>).
/// </summary>
public static class SlaMetrics
{
    public const string FirstReply = "first_reply";
    public const string NextReply = "next_reply";
    public const string PeriodicUpdate = "periodic_update";
    public const string RequesterWait = "requester_wait";
    public const string AgentWork = "agent_work";
    public const string TotalResolution = "total_resolution";

    public static readonly IReadOnlyList<string> All = [FirstReply, NextReply, PeriodicUpdate, RequesterWait, AgentWork, TotalResolution];

    /// <summary>Whether the metric's clock counts while the ticket is in <paramref name="status"/>.</summary>
    public static bool CountsIn(string metric, string status) => metric switch
    {
        // The agent's turn: new or open. Pending waits for the requester, on hold for a third party.
        FirstReply or NextReply or PeriodicUpdate or AgentWork => status is TicketStatus.New or TicketStatus.Open,
        // The requester waits until the ticket is solved, except while it is their own turn (pending).
        RequesterWait => status is TicketStatus.New or TicketStatus.Open or TicketStatus.OnHold,
        TotalResolution => status is not (TicketStatus.Solved or TicketStatus.Closed),
        _ => false,
    };

    /// <summary>Reply metrics end when the ticket is solved (a reopen starts no old reply clock again); the others pause.</summary>
    public static bool EndsWhenSolved(string metric) => metric is FirstReply or NextReply or PeriodicUpdate;

    /// <summary>Metrics started with the ticket; next reply and periodic update start with replies.</summary>
    public static bool StartsWithTicket(string metric) => metric is FirstReply or RequesterWait or AgentWork or TotalResolution;
}
