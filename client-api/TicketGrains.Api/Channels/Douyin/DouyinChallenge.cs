using System.Text.Json;
using TicketGrains.Api.Channels.Inbound;

namespace TicketGrains.Api.Channels.Douyin;

/// <summary>Douyin's address check: <c>{"event":"verify_webhook","content":{"challenge":N}}</c> is answered <c>{"challenge":N}</c>.</summary>
internal static class DouyinChallenge
{
    public static InboundOutcome Answer(JsonElement root)
    {
        if (PushJson.Object(root, "content") is not { } content
            || !content.TryGetProperty("challenge", out var challenge)
            || challenge.ValueKind is not (JsonValueKind.Number or JsonValueKind.String))
        {
            return new InboundOutcome.Refused(400, "content.challenge", "The verification request carries no challenge.");
        }

        // The challenge goes back exactly as sent (its JSON text), so a large or string challenge is not altered by parsing.
        return new InboundOutcome.Verified(InboundAnswer.Json($"{{\"challenge\":{challenge.GetRawText()}}}"));
    }
}
