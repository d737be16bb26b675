using System.Diagnostics.Metrics;

namespace TicketGrains.Grains.Tickets;

/// <summary>The meter "TicketGrains.Tickets" of a silo: tickets created, by channel and priority (both from fixed catalogues).</summary>
public sealed class TicketMetrics
{
    public const string MeterName = "TicketGrains.Tickets";

    private readonly Counter<long> _created;

    public TicketMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _created = meter.CreateCounter<long>("ticketgrains.tickets.created", "{ticket}",
            "Tickets created and durable; an idempotent retry of a create is not counted again.");
    }

    public void Created(string channel, string priority) =>
        _created.Add(1, new KeyValuePair<string, object?>("channel", channel), new KeyValuePair<string, object?>("priority", priority));
}
