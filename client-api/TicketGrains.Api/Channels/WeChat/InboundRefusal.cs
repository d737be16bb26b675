using TicketGrains.Api.Channels.Inbound;

namespace TicketGrains.Api.Channels.WeChat;

/// <summary>
/// Thrown by the checks of a WeChat or WeCom request where it finds the request wrong; the adapter answers with
/// <see cref="Outcome"/>. The checks are nested (query, envelope, XML, fields), so one exit is simpler than threading
/// a refusal through each.
/// </summary>
public sealed class InboundRefusal(int status, string field, string detail) : Exception(detail)
{
    public InboundOutcome.Refused Outcome { get; } = new(status, field, detail);

    public static InboundRefusal Malformed(string field, string detail) => new(400, field, detail);

    public static InboundRefusal BadSignature(string field) => new(401, field, $"{field} does not match the channel's token.");
}
