using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace TicketGrains.Bench;

/// <summary>
/// SLA timer accuracy under load: <c>tickets</c> open tickets carrying clocks are created over HTTP; one in
/// <c>measuredOneIn</c> (category presale) gets a first-reply target of 150-240 s, beyond two sweep periods, so it is
/// released at once and only the tenant's sweep can wake it; the rest carry four business-hour clocks due hours later.
/// Fire time minus due time is read from each SlaBreached event (its At is when the ticket grain decided the breach).
/// </summary>
public sealed class SlaTimerBench(Uri url, string tenant, string token, string ownerConnection)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Each look at the breaches scans the tenant's events; the lags themselves come from the events, not from this.</summary>
    private static readonly TimeSpan BreachPollInterval = TimeSpan.FromSeconds(5);

    public sealed record Result(int Created, int Measured, int Breached, double P50Ms, double P99Ms, double MaxMs, double CommitP99Ms, TimeSpan CreatePhase);

    public async Task<Result> RunAsync(int tickets, int measuredOneIn, int concurrency, TimeSpan sweepPeriod)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = url, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        await PutAsync(http, "api/v1/calendars/office", new
        {
            timeZone = "Asia/Shanghai",
            weeklyHours = new[] { "monday", "tuesday", "wednesday", "thursday", "friday" }.Select(d => new { day = d, start = "09:00", end = "18:00" }),
            holidays = new[] { "2026-10-01", "2026-10-02" },
        });
        await PutAsync(http, "api/v1/sla-policies/soon", new
        {
            order = 1,
            conditions = new { category = new[] { "presale" } },
            targets = new[] { ("low", 150), ("normal", 180), ("high", 210), ("urgent", 240) }.Select(t => new { metric = "first_reply", priority = t.Item1, seconds = t.Item2 }),
        });
        await PutAsync(http, "api/v1/sla-policies/office", new
        {
            order = 2,
            calendar = "office",
            targets = new[] { "first_reply", "requester_wait", "agent_work", "total_resolution" }.Select(m => new { metric = m, seconds = 8 * 3600, businessHours = true }),
        });

        var started = DateTimeOffset.UtcNow;
        var next = -1;
        var measured = 0;
        var latestDue = DateTimeOffset.MinValue;
        var gate = new object();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) is var i && i < tickets)
            {
                var isMeasured = i % measuredOneIn == 0;
                var created = await CreateAsync(http, i, isMeasured);
                if (isMeasured)
                {
                    lock (gate)
                    {
                        measured++;
                        latestDue = created > latestDue ? created : latestDue;
                    }
                }
            }
        }));
        var createPhase = DateTimeOffset.UtcNow - started;
        Console.WriteLine($"created {tickets} tickets in {createPhase.TotalSeconds:0} s; the last measured deadline is {latestDue:HH:mm:ss}");

        await using var database = NpgsqlDataSource.Create(ownerConnection);
        var deadline = latestDue + sweepPeriod * 2 + TimeSpan.FromSeconds(30);
        // A poll with a deadline on the recorded breaches: done when every measured ticket has one; a miss shows as
        // fewer breached than measured.
        var lags = await LagsAsync(database);
        while (DateTimeOffset.UtcNow < deadline && lags.Count < measured)
        {
            await Task.Delay(BreachPollInterval);
            lags = await LagsAsync(database);
        }

        var fired = lags.Select(l => l.Fired).Order().ToArray();
        var committed = lags.Select(l => l.Committed).Order().ToArray();
        return new Result(tickets, measured, fired.Length, Percentile(fired, 0.50), Percentile(fired, 0.99), fired.LastOrDefault(),
            Percentile(committed, 0.99), createPhase);
    }

    private static async Task PutAsync(HttpClient http, string path, object body)
    {
        using var response = await http.PutAsJsonAsync(path, body, Json);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"PUT {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>Creates one ticket and returns its first-reply due time.</summary>
    private static async Task<DateTimeOffset> CreateAsync(HttpClient http, int i, bool measured)
    {
        string[] priorities = ["low", "normal", "high", "urgent"];
        using var response = await http.PostAsJsonAsync("api/v1/tickets", new
        {
            channel = "web",
            customer = new { externalId = $"sla-bench-{i % 5000}", name = "Bench" },
            subject = "Parcel " + i,
            body = "Where is my parcel?",
            category = measured ? "presale" : "logistics",
            priority = priorities[i % priorities.Length],
        }, Json);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"create: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        using var body = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
        return body.RootElement.GetProperty("slaDueAt").GetDateTimeOffset();
    }

    private async Task<List<(double Fired, double Committed)>> LagsAsync(NpgsqlDataSource database)
    {
        await using var command = database.CreateCommand("""
            SELECT extract(epoch FROM (data->>'at')::timestamptz - (data->>'dueAt')::timestamptz) * 1000,
                   extract(epoch FROM recorded_at - (data->>'dueAt')::timestamptz) * 1000
              FROM tg_events WHERE tenant_id = $1 AND event_type = 'SlaBreached'
            """);
        command.Parameters.AddWithValue(tenant);
        var lags = new List<(double, double)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lags.Add((Convert.ToDouble(reader.GetValue(0)), Convert.ToDouble(reader.GetValue(1))));
        }

        return lags;
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[(int)Math.Ceiling(p * sorted.Length) - 1];
}
