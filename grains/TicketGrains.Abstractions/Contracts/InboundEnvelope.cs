namespace TicketGrains.Abstractions.Contracts;

/// <summary>
/// One inbound message on its way to the event log: who sent it on which channel, and its personal content as JSON
/// (sealed with the sender's customer key before it is stored). <see cref="StreamId"/> is the message's own stream,
/// derived from the channel and the platform's message id, so a platform retry lands on the same stream.
/// </summary>
[GenerateSerializer, Immutable, Alias("TicketGrains.InboundEnvelope")]
public sealed record class InboundEnvelope
{
    [Id(0)] public required Guid ChannelId { get; init; }
    [Id(1)] public required string ChannelType { get; init; }
    [Id(2)] public required string StreamId { get; init; }
    [Id(3)] public required string SenderId { get; init; }
    [Id(4)] public string? SenderName { get; init; }
    [Id(5)] public required string Kind { get; init; }
    [Id(6)] public required DateTimeOffset SentAt { get; init; }
    [Id(7)] public required string ContentJson { get; init; }
}
