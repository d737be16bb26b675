namespace TicketGrains.Abstractions.Contracts;

/// <summary>
/// What a breach does, once per clock: the ticket grain raises the priority and re-routes itself in the breach event; the
/// supervisor to notify and the webhook to call travel in that event to the pipeline's subscribers.
/// </summary>
[GenerateSerializer, Immutable, Alias("TicketGrains.SlaEscalation")]
public sealed record class SlaEscalation
{
    /// <summary>Moves the ticket one priority up (low → normal → high → urgent).</summary>
    [Id(0)] public bool RaisePriority { get; init; }

    /// <summary>The queue the ticket moves to.</summary>
    [Id(1)] public string? Queue { get; init; }

    /// <summary>The supervisor (agent id) to notify.</summary>
    [Id(2)] public string? Notify { get; init; }

    /// <summary>An absolute http(s) URL to call.</summary>
    [Id(3)] public string? Webhook { get; init; }
}
