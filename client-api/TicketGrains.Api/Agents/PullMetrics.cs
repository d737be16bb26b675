using System.Diagnostics.Metrics;

namespace TicketGrains.Api.Agents;

/// <summary>The meter "TicketGrains.Agents" of a front end: agents' pulls by outcome (a ticket handed over, or none within the wait).</summary>
public sealed class PullMetrics
{
    public const string MeterName = "TicketGrains.Agents";

    private readonly Counter<long> _pulls;

    public PullMetrics(IMeterFactory meters) =>
        _pulls = meters.Create(MeterName).CreateCounter<long>("ticketgrains.agents.pulls", "{pull}", "Pulls of the next ticket that ended with a ticket or with none.");

    public void Handed() => _pulls.Add(1, new KeyValuePair<string, object?>("outcome", "ticket"));

    public void Empty() => _pulls.Add(1, new KeyValuePair<string, object?>("outcome", "empty"));
}
