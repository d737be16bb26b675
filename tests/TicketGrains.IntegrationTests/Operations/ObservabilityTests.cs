using System.Globalization;
using System.Net;
using System.Text.Json;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Operations;

/// <summary>The probes, the Prometheus scrape endpoint and JSON console logs of a running silo, over real HTTP.</summary>
public sealed class ObservabilityTests(ObservedNodeFixture fixture, ITestOutputHelper output) : IClassFixture<ObservedNodeFixture>
{
    private static readonly TimeSpan ScrapeDeadline = TimeSpan.FromSeconds(15);

    /// <summary>The phases a pull that handed a ticket records once each (PullPhaseMetrics).</summary>
    private static readonly string[] PullPhases = ["call", "agent", "claim", "audit"];

    [Fact]
    public async Task Metrics_show_the_projects_counters_after_creates_and_a_pull_beside_orleans_aspnetcore_and_npgsql()
    {
        using var http = new HttpClient { BaseAddress = fixture.Node.BaseAddress };
        var api = new ApiClient(http, TicketRequests.NewTenant());
        for (var i = 0; i < 3; i++)
        {
            (await api.PostAsync(TicketRequests.Tickets, TicketRequests.Create($"metrics {i}", priority: "urgent"))).Expect(HttpStatusCode.Created);
        }

        (await api.PostAsync("/api/v1/agents/metrics-agent/next?waitSeconds=10")).Expect(HttpStatusCode.OK);

        var scrape = "";
        await Poll.UntilAsync("the creates and the pull on /metrics", ScrapeDeadline, async () =>
        {
            using var anonymous = new HttpClient { BaseAddress = fixture.Node.BaseAddress };
            scrape = await anonymous.GetStringAsync("/metrics");
            return Value(scrape, "ticketgrains_tickets_created_total", "channel=\"web\"", "priority=\"urgent\"") == 3
                && Value(scrape, "ticketgrains_agents_pulls_total", "outcome=\"ticket\"") == 1
                && PullPhases.All(phase => Value(scrape, "ticketgrains_agents_pull_phase_duration_seconds_count", $"phase=\"{phase}\"") == 1);
        });

        output.WriteLine(string.Join('\n', scrape.Split('\n').Where(l => l.StartsWith("ticketgrains_", StringComparison.Ordinal))));
        Assert.True(Value(scrape, "ticketgrains_eventlog_appends_total", "outcome=\"committed\"") >= 3);
        Assert.True(Value(scrape, "ticketgrains_eventlog_batch_size_count") >= 1);
        Assert.Contains("ticketgrains_eventlog_commit_duration_seconds_bucket{", scrape, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds_bucket{", scrape, StringComparison.Ordinal);
        Assert.Contains("http_route=\"/api/v1/tickets/\"", scrape, StringComparison.Ordinal);
        Assert.Contains("\norleans_catalog_activations", scrape, StringComparison.Ordinal);
        Assert.Contains("\ndb_client_", scrape, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Liveness_checks_nothing_and_readiness_names_the_database_and_membership_checks()
    {
        using var http = new HttpClient { BaseAddress = fixture.Node.BaseAddress };

        var live = await ProbeAsync(http, Probes.Live);
        var ready = await ProbeAsync(http, Probes.Ready);
        var legacy = await ProbeAsync(http, "/healthz");

        Assert.Equal((HttpStatusCode.OK, "healthy", ""), (live.Status, live.Overall, live.Checks));
        Assert.Equal((HttpStatusCode.OK, "healthy", "database=healthy membership=healthy"), (ready.Status, ready.Overall, ready.Checks));
        Assert.Equal(ready, legacy);
    }

    [Fact]
    public async Task Json_log_option_writes_every_console_line_as_one_json_object()
    {
        using var http = new HttpClient { BaseAddress = fixture.Node.BaseAddress };
        (await new ApiClient(http, TicketRequests.NewTenant()).PostAsync(TicketRequests.Tickets, TicketRequests.Create("logged"))).Expect(HttpStatusCode.Created);

        var lines = fixture.Node.Process.Lines().Where(l => l.Length > 0).ToList();
        var entries = lines.Select(Parse).ToList();

        Assert.NotEmpty(entries);
        Assert.All(entries, e => Assert.True(
            DateTimeOffset.TryParseExact(e.GetProperty("Timestamp").GetString(), "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out _) && e.TryGetProperty("LogLevel", out _) && e.TryGetProperty("Category", out _)
            && e.TryGetProperty("Message", out _), e.ToString()));
        Assert.Contains(entries, e => e.GetProperty("Category").GetString() == "Microsoft.Hosting.Lifetime"
            && e.GetProperty("Message").GetString()!.StartsWith("Now listening on: " + fixture.Node.BaseAddress.ToString().TrimEnd('/'), StringComparison.Ordinal));
    }

    private static JsonElement Parse(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new Xunit.Sdk.XunitException($"A console line is not one JSON object ({e.Message}): {line}");
        }
    }

    /// <summary>The samples of a metric whose labels include all the given ones, summed; -1 when there is none.</summary>
    private static double Value(string scrape, string metric, params string[] labels)
    {
        var samples = scrape.Split('\n')
            .Where(l => l.StartsWith(metric + "{", StringComparison.Ordinal) || l.StartsWith(metric + " ", StringComparison.Ordinal))
            .Where(l => labels.All(label => l.Contains(label, StringComparison.Ordinal)))
            // "name{labels} value [timestamp]": the value is the first word after the labels.
            .Select(l => l[(l.Contains('{') ? l.LastIndexOf('}') + 1 : metric.Length)..].Trim().Split(' ')[0])
            .Select(v => double.Parse(v, CultureInfo.InvariantCulture))
            .ToList();
        return samples.Count == 0 ? -1 : samples.Sum();
    }

    private static async Task<(HttpStatusCode Status, string Overall, string Checks)> ProbeAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var checks = body.RootElement.GetProperty("checks").EnumerateObject().Select(c => $"{c.Name}={c.Value.GetProperty("status").GetString()}").Order(StringComparer.Ordinal);
        return (response.StatusCode, body.RootElement.GetProperty("status").GetString()!, string.Join(' ', checks));
    }
}
