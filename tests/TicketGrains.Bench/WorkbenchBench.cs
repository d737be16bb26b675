using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace TicketGrains.Bench;

/// <summary>
/// The workbench in Debian's Chromium (headless, driven by Playwright) against a silo with many open tickets in the
/// tenant: time to first paint and to the inbox shown (from navigation start, the session already in the tab), and from
/// pressing N (next ticket) to the ticket shown, each read from the page's own clock (performance.now()). The agent holds
/// 20 of the tickets (its inbox "mine"); every round pulls one more. Run by deploy/local/workbench-bench.sh.
/// </summary>
public static class WorkbenchBench
{
    /// <summary>Notes, in the page, when each screen first shows its data and when N was pressed.</summary>
    private const string Marks = """
        window.__marks = {};
        document.addEventListener("keydown", (e) => { if (e.key === "n") window.__marks.next = performance.now(); }, true);
        new MutationObserver(() => {
            const main = document.querySelector("main[data-loaded]");
            if (main && !(main.dataset.loaded in window.__marks)) window.__marks[main.dataset.loaded] = performance.now();
        }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-loaded"] });
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var options = args.Chunk(2).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "", StringComparer.Ordinal);
        var baseUrl = new Uri(options.GetValueOrDefault("--url", "http://127.0.0.1:5485"));
        var tickets = int.Parse(options.GetValueOrDefault("--tickets", "10000"), CultureInfo.InvariantCulture);
        var rounds = int.Parse(options.GetValueOrDefault("--rounds", "10"), CultureInfo.InvariantCulture);
        var tenant = "wb-bench-" + Guid.NewGuid().ToString("N")[..8];
        using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };
        var admin = await TokenAsync(http, tenant, "bench", "admin");
        var agent = await TokenAsync(http, tenant, "alice", "agent");
        http.DefaultRequestHeaders.Authorization = new("Bearer", admin);

        Console.WriteLine($"opening {tickets} tickets in {tenant}");
        var ids = new Guid[tickets];
        await Parallel.ForEachAsync(Enumerable.Range(0, tickets), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            using var answer = await http.PostAsJsonAsync("/api/v1/tickets", new
            {
                channel = (i % 3) switch { 0 => "wechat", 1 => "email", _ => "web" },
                customer = new { externalId = $"bench-{i}", name = "Bench" },
                subject = $"Parcel {i} has not moved",
                body = "Not moved for three days.",
                category = i % 2 == 0 ? "logistics" : "refund",
            }, ct);
            answer.EnsureSuccessStatusCode();
            ids[i] = (await answer.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();
        });
        foreach (var id in ids.Take(20))
        {
            (await http.PostAsJsonAsync($"/api/v1/tickets/{id}/assignee", new { agentId = "alice" })).EnsureSuccessStatusCode();
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ["--no-sandbox"] });
        var (paint, inbox, next) = (new List<double>(), new List<double>(), new List<double>());
        for (var round = 0; round < rounds; round++)
        {
            await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 768 } });
            await context.AddInitScriptAsync(Marks + $"sessionStorage.setItem('ticketgrains.workbench.session', JSON.stringify({Session(tenant, agent)}));");
            var page = await context.NewPageAsync();
            await page.GotoAsync(new Uri(baseUrl, "/app/#/inbox").ToString());
            await page.Locator("main[data-loaded=inbox]").WaitForAsync(new() { Timeout = 60_000 });
            paint.Add(await page.EvaluateAsync<double>("() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1"));
            inbox.Add(await page.EvaluateAsync<double>("() => window.__marks.inbox"));
            await page.Keyboard.PressAsync("n");
            await page.Locator("main[data-loaded=ticket]").WaitForAsync(new() { Timeout = 60_000 });
            next.Add(await page.EvaluateAsync<double>("() => window.__marks.ticket - window.__marks.next"));
        }

        Console.WriteLine($"tickets open in the tenant: {tickets}; rounds: {rounds} (each a fresh browser context)");
        Console.WriteLine($"first contentful paint ms: {Summary(paint)}");
        Console.WriteLine($"inbox shown ms:            {Summary(inbox)}");
        Console.WriteLine($"next ticket → shown ms:    {Summary(next)}");
        return 0;
    }

    private static string Summary(List<double> values)
    {
        var sorted = values.Order().ToList();
        return string.Create(CultureInfo.InvariantCulture,
            $"median {sorted[sorted.Count / 2]:0}, max {sorted[^1]:0}, all [{string.Join(", ", values.Select(v => v.ToString("0", CultureInfo.InvariantCulture)))}]");
    }

    private static async Task<string> TokenAsync(HttpClient http, string tenant, string subject, string role)
    {
        using var answer = await http.PostAsJsonAsync("/api/v1/dev/tokens", new { tenant, subject, roles = new[] { role }, lifetimeMinutes = 120 });
        answer.EnsureSuccessStatusCode();
        return (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    /// <summary>The session as the workbench keeps it after signing in (src/session.ts).</summary>
    private static string Session(string tenant, string token) => JsonSerializer.Serialize(new
    {
        token,
        tenant,
        user = "alice",
        roles = new[] { "agent" },
        permissions = Array.Empty<string>(),
        expiresAt = DateTimeOffset.UtcNow.AddHours(2).ToUnixTimeMilliseconds(),
    });
}
