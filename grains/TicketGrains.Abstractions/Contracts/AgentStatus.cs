namespace TicketGrains.Abstractions.Contracts;

/// <summary>
/// What a push queue knows of one agent serving it, as the agent last reported: presence (online until
/// <see cref="AwayAt"/>, the idle timeout), skills, room left per channel kind (absent kind: no limit when
/// <see cref="Limited"/> is false, none when true) and when it was last handed a ticket.
/// </summary>
[GenerateSerializer, Immutable, Alias("TicketGrains.AgentStatus")]
public sealed record class AgentStatus(
    [property: Id(0)] string AgentId,
    [property: Id(1)] string Presence,
    [property: Id(2)] DateTimeOffset AwayAt,
    [property: Id(3)] IReadOnlyDictionary<string, int> Skills,
    [property: Id(4)] bool Limited,
    [property: Id(5)] IReadOnlyDictionary<string, int> Room,
    [property: Id(6)] DateTimeOffset? LastAssignedAt)
{
    /// <summary>The agent activation that reported (empty: unknown); reports of one activation are numbered in order.</summary>
    [Id(7)] public Guid Reporter { get; init; }

    /// <summary>
    /// The report's number within its <see cref="Reporter"/>'s activation. Reports are one-way messages, which Orleans
    /// may deliver out of order, so a queue keeps the higher number of the same reporter.
    /// </summary>
    [Id(8)] public long Sequence { get; init; }
}
