using System.Net.Http.Json;

namespace TicketGrains.Bench;

/// <summary>
/// Tenants, agents and waiting tickets for the pull bench. A ticket reaches one of five queues by its category and
/// tier (vip lane, complaints, after-sales, logistics, presale); each agent serves all five, starting at a different one.
/// </summary>
public static class PullBenchSetup
{
    public static readonly string[] Queues = ["vip", "complaints", "after-sales", "logistics", "presale"];
    private static readonly string[] Categories = ["complaint", "return", "logistics", "presale"];

    /// <summary>Each run has tenants of its own, so tickets left waiting by an earlier run in the same database are not in its queues.</summary>
    private static readonly string Run = Guid.NewGuid().ToString("N")[..8];

    public static string Tenant(int n) => $"bench-pull-{Run}-{n}";

    public static string Agent(int n) => $"agent-{n:D3}";

    /// <summary>An HTTP client per tenant, authenticated as that tenant's admin by the development issuer.</summary>
    public static async Task<HttpClient[]> ClientsAsync(PullBenchOptions options)
    {
        var clients = new HttpClient[options.Tenants];
        for (var t = 0; t < options.Tenants; t++)
        {
            var http = new HttpClient { BaseAddress = options.Url, Timeout = TimeSpan.FromSeconds(60) };
            var issued = await http.PostAsJsonAsync("/api/v1/dev/tokens", new { tenant = Tenant(t), subject = "bench", roles = new[] { "admin" }, lifetimeMinutes = 600 });
            issued.EnsureSuccessStatusCode();
            var token = (await issued.Content.ReadFromJsonAsync<Token>())!.token;
            http.DefaultRequestHeaders.Authorization = new("Bearer", token);
            clients[t] = http;
        }

        return clients;
    }

    public static async Task DefineAgentsAsync(HttpClient[] tenants, int agents)
    {
        await Parallel.ForEachAsync(Enumerable.Range(0, agents), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (n, _) =>
        {
            var queues = Queues.Skip(n % Queues.Length).Concat(Queues.Take(n % Queues.Length)).ToArray();
            var body = new { capacity = new { chat = 3, email = 10, voice = 1 }, queues };
            (await tenants[n % tenants.Length].PutAsJsonAsync($"/api/v1/agents/{Agent(n)}", body)).EnsureSuccessStatusCode();
        });
    }

    public static async Task CreateTicketsAsync(HttpClient[] tenants, int tickets)
    {
        await Parallel.ForEachAsync(Enumerable.Range(0, tickets), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (n, _) =>
        {
            var body = new
            {
                channel = n % 3 == 0 ? "email" : "web",
                customer = new { externalId = $"pull-bench-{Run}-{n}", name = "Bench", tier = n % 5 == 0 ? "vip" : "regular" },
                subject = "Where is my parcel?",
                body = "Order 20261111-42 has not moved.",
                category = Categories[n % Categories.Length],
                priority = n % 7 == 0 ? "high" : "normal",
            };
            (await tenants[n % tenants.Length].PostAsJsonAsync("/api/v1/tickets", body)).EnsureSuccessStatusCode();
        });
    }

    private sealed record Token(string token);
}
