using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using TicketGrains.Bench.Timeline;

namespace TicketGrains.Bench.Peak;

/// <summary>
/// What a shop has before midnight, made before the replay and not measured: agents online on the queues, the shop's
/// app channel, and tickets (each with an order number) that the replay's messages, reads and order events go to.
/// </summary>
public sealed class PeakSetup
{
    public const int AgentCount = 40;
    public const int SeedTicketCount = 200;
    private static readonly string[] Queues = ["vip", "complaints", "after-sales", "logistics", "presale", "general"];

    private PeakSetup(string channelId, string channelSecret, IReadOnlyList<Guid> tickets, int seed)
    {
        (ChannelId, ChannelSecret, Tickets, Seed) = (channelId, channelSecret, tickets, seed);
    }

    public string ChannelId { get; }

    public string ChannelSecret { get; }

    /// <summary>The seeded tickets, in order: ticket i has order number <see cref="OrderNo"/>(i).</summary>
    public IReadOnlyList<Guid> Tickets { get; }

    public int Seed { get; }

    public static string Agent(int n) => $"peak-agent-{n:D2}";

    public string OrderNo(int ticket) => $"D11{Seed:D3}{ticket:D6}";

    public static async Task<PeakSetup> PrepareAsync(FrontEnds api, int seed, AckLedger acks)
    {
        await Parallel.ForEachAsync(Enumerable.Range(0, AgentCount), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (n, ct) =>
        {
            var queues = Queues.Skip(n % Queues.Length).Concat(Queues.Take(n % Queues.Length)).ToArray();
            await ExpectAsync(api.Next().PutAsJsonAsync($"api/v1/agents/{Agent(n)}", new { capacity = new { chat = 50, email = 50, voice = 5 }, queues }, ct));
            await ExpectAsync(api.Next().PutAsJsonAsync($"api/v1/agents/{Agent(n)}/presence", new { presence = "online" }, ct));
        });

        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var channel = await ExpectAsync(api.Next().PostAsJsonAsync("api/v1/channels",
            new { type = "app", name = $"peak-app-{seed}-{Guid.NewGuid().ToString("N")[..6]}", settings = new { secret } }));
        var channelId = TimelineBench.IdOf(channel).ToString();

        var setup = new PeakSetup(channelId, secret, [], seed);
        var tickets = new Guid[SeedTicketCount];
        await Parallel.ForEachAsync(Enumerable.Range(0, SeedTicketCount), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/tickets") { Content = JsonContent.Create(PeakBodies.Ticket(setup, i, $"seed {i}")) };
            request.Headers.TryAddWithoutValidation("Idempotency-Key", $"peak-seed-{seed}-{i}");
            tickets[i] = TimelineBench.IdOf(await ExpectAsync(api.Next().SendAsync(request, ct)));
            acks.Ticket(tickets[i]);
        });
        return new PeakSetup(channelId, secret, tickets, seed);
    }

    private static async Task<string> ExpectAsync(Task<HttpResponseMessage> sending)
    {
        using var response = await sending;
        var body = await response.Content.ReadAsStringAsync();
        return response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created or HttpStatusCode.NoContent
            ? body
            : throw new InvalidOperationException($"Setup request {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {body}");
    }
}
