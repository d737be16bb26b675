namespace TicketGrains.Abstractions.Contracts;

/// <summary>
/// Where a customer's ticket message came from: the inbound message's stream (<see cref="Message"/>, unique per channel
/// and platform message id), its channel and thread (a hash of the thread key), and the threading decision that put it
/// on this ticket: <see cref="Rule"/> (thread, order, new) and <see cref="Reason"/> in words. <see cref="Kind"/> is the
/// message's kind on its channel (text, voice, ...), so the field reading knows a voice message's text is a
/// recognition without reading the receipt again; messages filed before it was recorded have none.
/// <see cref="Automatic"/> names what made the message automatic (an out-of-office reply's <c>Auto-Submitted:
/// auto-replied</c>, ...): such a message is kept on the ticket but is not the customer waiting for an answer (ADR 0013).
/// </summary>
[GenerateSerializer, Immutable, Alias("TicketGrains.InboundOrigin")]
public sealed record class InboundOrigin(
    [property: Id(0)] string Message,
    [property: Id(1)] Guid ChannelId,
    [property: Id(2)] string ThreadKeyHash,
    [property: Id(3)] string? OrderNo,
    [property: Id(4)] string Rule,
    [property: Id(5)] string Reason,
    [property: Id(6)] string? Kind = null,
    [property: Id(7)] string? Automatic = null);
