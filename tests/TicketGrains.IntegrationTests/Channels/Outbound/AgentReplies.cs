using System.Net;
using System.Text.Json;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Channels.Outbound;

/// <summary>An agent's public reply through the API, and its delivery as the ticket's messages show it.</summary>
public static class AgentReplies
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    /// <summary>Posts the reply; the answer already shows it queued.</summary>
    public static async Task<JsonElement> ReplyAsync(ApiClient agent, Guid ticket, string body)
    {
        var answer = (await agent.PostAsync($"{TicketRequests.Ticket(ticket)}/messages", new { author = "alice", body, @internal = false }))
            .Expect(HttpStatusCode.OK).Json;
        var delivery = answer.GetProperty("messages").EnumerateArray().Last().GetProperty("delivery");
        Assert.Equal(("queued", 0), (delivery.GetProperty("state").GetString(), delivery.GetProperty("attempts").GetInt32()));
        return delivery;
    }

    /// <summary>The delivery of the ticket's last message once it is no longer queued.</summary>
    public static async Task<JsonElement> SettledAsync(ApiClient agent, Guid ticket)
    {
        JsonElement delivery = default;
        await Poll.UntilAsync($"the reply on ticket {ticket} sent or failed", Deadline, async () =>
        {
            var read = (await agent.GetAsync(TicketRequests.Ticket(ticket))).Expect(HttpStatusCode.OK).Json;
            delivery = read.GetProperty("messages").EnumerateArray().Last().GetProperty("delivery");
            return delivery.GetProperty("state").GetString() != "queued";
        });
        return delivery;
    }

    public static (string? State, int Attempts, string? Reason) Summary(JsonElement delivery) =>
        (delivery.GetProperty("state").GetString(), delivery.GetProperty("attempts").GetInt32(),
            delivery.TryGetProperty("reason", out var reason) && reason.ValueKind == JsonValueKind.String ? reason.GetString() : null);
}
