namespace TicketGrains.Abstractions.Contracts;

/// <summary>
/// A committed ticket event that event rules listen to, handed to its ticket with the rules to run. <see cref="Position"/>
/// is the event's log position: a ticket runs triggers for a position once, however often the pipeline delivers it.
/// </summary>
/// <param name="Position">The event's log position.</param>
/// <param name="Kind">ticket.created, ticket.updated, message.added, order_event, sla.warning or sla.breached.</param>
/// <param name="Attributes">What the event carries for conditions and templates (e.g. type, trackingNo, metric).</param>
/// <param name="Rules">The tenant's enabled event rules that may fire, in order.</param>
[GenerateSerializer, Immutable, Alias("TicketGrains.TriggerRun")]
public sealed record TriggerRun(
    [property: Id(0)] long Position,
    [property: Id(1)] string Kind,
    [property: Id(2)] IReadOnlyDictionary<string, string> Attributes,
    [property: Id(3)] IReadOnlyList<RuleVersion> Rules);
