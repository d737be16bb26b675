using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace TicketGrains.Bench;

/// <summary>
/// Order event in → webhook delivered: registers a webhook for order_event.received pointing at a receiver in this
/// process, opens one ticket per order, then posts one order event per ticket at a fixed rate (open loop) and times each
/// from just before its POST to the moment the receiver has the signed delivery. Run by deploy/local/webhook-bench.sh.
/// </summary>
public static class WebhookLatencyBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = args.Chunk(2).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "", StringComparer.Ordinal);
        var baseUrl = new Uri(options.GetValueOrDefault("--url", "http://127.0.0.1:5084"));
        var count = int.Parse(options.GetValueOrDefault("--events", "1000"), CultureInfo.InvariantCulture);
        var rate = double.Parse(options.GetValueOrDefault("--rate", "50"), CultureInfo.InvariantCulture);
        var token = Environment.GetEnvironmentVariable("TICKETGRAINS_TOKEN") ?? throw new InvalidOperationException("TICKETGRAINS_TOKEN is not set.");
        using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);

        var arrivals = new Dictionary<string, long>(StringComparer.Ordinal);
        using var listener = StartReceiver(out var receiverUrl);
        var allArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var receiving = ReceiveAsync(listener, arrivals, count, allArrived);
        (await http.PostAsJsonAsync("/api/v1/webhooks", new { url = receiverUrl, events = new[] { "order_event.received" } })).EnsureSuccessStatusCode();

        var run = Guid.NewGuid().ToString("N")[..8];
        var orders = Enumerable.Range(0, count).Select(i => $"bench-{run}-{i}").ToList();
        Console.WriteLine($"opening {count} tickets, one per order");
        await Parallel.ForEachAsync(orders, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (order, ct) =>
            (await http.PostAsJsonAsync("/api/v1/tickets", new
            {
                channel = "web",
                customer = new { externalId = "bench-" + order, name = "Bench" },
                subject = "Where is my parcel",
                body = "Not moved for three days.",
                fields = new Dictionary<string, string> { ["orderNo"] = order },
            }, ct)).EnsureSuccessStatusCode());

        Console.WriteLine($"posting {count} order events at {rate}/s");
        var sentAt = new long[count];
        var answered = new List<double>();
        var start = Stopwatch.GetTimestamp();
        var posts = new List<Task>();
        for (var i = 0; i < count; i++)
        {
            var due = TimeSpan.FromSeconds(i / rate) - Stopwatch.GetElapsedTime(start);
            if (due > TimeSpan.Zero)
            {
                // The open-loop timetable: event i is due at i / rate, whatever the server is doing.
                await Task.Delay(due);
            }

            var index = i;
            sentAt[index] = Stopwatch.GetTimestamp();
            posts.Add(Task.Run(async () =>
            {
                var response = await http.PostAsJsonAsync("/api/v1/order-events",
                    new { eventId = $"{orders[index]}-shipped", type = "shipped", orderNo = orders[index], trackingNo = "SF" + index, carrier = "SF Express" });
                response.EnsureSuccessStatusCode();
                lock (answered)
                {
                    answered.Add(Stopwatch.GetElapsedTime(sentAt[index]).TotalMilliseconds);
                }
            }));
        }

        await Task.WhenAll(posts);
        // The receiver completes it with the last expected delivery; what has not come within a minute counts as missing.
        await Task.WhenAny(allArrived.Task, Task.Delay(TimeSpan.FromSeconds(60)));

        listener.Stop();
        await receiving;
        List<double> delivered;
        lock (arrivals)
        {
            delivered = orders.Select((o, i) => arrivals.TryGetValue(o, out var at) ? Stopwatch.GetElapsedTime(sentAt[i], at).TotalMilliseconds : double.NaN)
                .Where(ms => !double.IsNaN(ms)).ToList();
        }

        Print("POST /api/v1/order-events answered", answered);
        Print("order event in -> webhook delivered", delivered);
        Console.WriteLine($"delivered {delivered.Count} of {count}");
        return delivered.Count == count ? 0 : 1;
    }

    internal static void Print(string what, List<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToList();
        double At(double q) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
        Console.WriteLine(FormattableString.Invariant(
            $"{what}: n={sorted.Count} p50={At(0.5):0.0} ms p90={At(0.9):0.0} ms p99={At(0.99):0.0} ms max={At(1):0.0} ms"));
    }

    private static HttpListener StartReceiver(out string url)
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        url = $"http://127.0.0.1:{port}/hook";
        return listener;
    }

    private static async Task ReceiveAsync(HttpListener listener, Dictionary<string, long> arrivals, int expected, TaskCompletionSource allArrived)
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            var at = Stopwatch.GetTimestamp();
            using var body = await JsonDocument.ParseAsync(context.Request.InputStream);
            var order = body.RootElement.GetProperty("data").GetProperty("details").GetProperty("orderNo").GetString()!;
            lock (arrivals)
            {
                if (arrivals.TryAdd(order, at) && arrivals.Count == expected)
                {
                    allArrived.TrySetResult();
                }
            }

            context.Response.StatusCode = 204;
            context.Response.Close();
        }
    }
}
