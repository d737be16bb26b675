using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TicketGrains.Grains.Channels;

namespace TicketGrains.Bench;

/// <summary>
/// Channel request in → ticket event on /api/v1/events: creates an app channel, follows the tenant's live feed, then
/// posts signed app messages at a fixed rate (open loop), each from a new customer so each opens a ticket whose id is
/// derived from the message, and times each from just before its POST to the moment the feed shows that ticket.
/// Run by deploy/local/inbound-bench.sh. With <c>--trace FILE</c> it also writes one CSV line per message (its inbound
/// stream, its ticket, when it was sent as Unix milliseconds, and the milliseconds to its answer and to the feed), which
/// deploy/local/inbound-trace.sh lays beside the log's commit times to say which hop a slow message lost its time in.
/// </summary>
public static class InboundLatencyBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = args.Chunk(2).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "", StringComparer.Ordinal);
        var baseUrl = new Uri(options.GetValueOrDefault("--url", "http://127.0.0.1:5201"));
        var count = int.Parse(options.GetValueOrDefault("--messages", "10000"), CultureInfo.InvariantCulture);
        var rate = double.Parse(options.GetValueOrDefault("--rate", "1000"), CultureInfo.InvariantCulture);
        var token = Environment.GetEnvironmentVariable("TICKETGRAINS_TOKEN") ?? throw new InvalidOperationException("TICKETGRAINS_TOKEN is not set.");
        var tenant = Environment.GetEnvironmentVariable("TICKETGRAINS_TENANT") ?? throw new InvalidOperationException("TICKETGRAINS_TENANT is not set.");
        using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);

        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var created = await http.PostAsJsonAsync("/api/v1/channels", new { type = "app", name = "bench", settings = new { secret } });
        created.EnsureSuccessStatusCode();
        var channel = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var run = Guid.NewGuid().ToString("N")[..8];
        var ids = Enumerable.Range(0, count).Select(i => $"bench-{run}-{i}").ToList();
        var tickets = ids.Select((id, i) => (Ticket: InboundStreams.TicketIdOf(tenant, InboundStreams.For(channel, id)), Index: i))
            .ToDictionary(t => t.Ticket, t => t.Index);
        var seenAt = new long[count];
        var allSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource();
        var probes = new ConcurrentDictionary<Guid, TaskCompletionSource>();
        var following = FollowAsync(http, tickets, seenAt, allSeen, probes, stop.Token);
        await UntilTheFeedPublishesAsync(http, tenant, channel, secret, run, probes);

        Console.WriteLine($"posting {count} signed app messages at {rate}/s to channel {channel}");
        var sentAt = new long[count];
        var sentUnixMs = new double[count];
        var answeredMs = new double[count];
        var answered = new List<double>();
        var refused = new SortedDictionary<int, int>();
        var start = Stopwatch.GetTimestamp();
        var posts = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            var due = TimeSpan.FromSeconds(i / rate) - Stopwatch.GetElapsedTime(start);
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due);
            }

            var index = i;
            posts.Add(Task.Run(async () =>
            {
                using var response = await PostAsync(http, channel, secret, ids[index], $"订单 20261111-{index % 1000} 还没到", () =>
                {
                    sentUnixMs[index] = (DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).TotalMilliseconds;
                    sentAt[index] = Stopwatch.GetTimestamp();
                });
                lock (answered)
                {
                    if (response.IsSuccessStatusCode)
                    {
                        answeredMs[index] = Stopwatch.GetElapsedTime(sentAt[index]).TotalMilliseconds;
                        answered.Add(answeredMs[index]);
                    }
                    else
                    {
                        refused[(int)response.StatusCode] = refused.GetValueOrDefault((int)response.StatusCode) + 1;
                    }
                }
            }));
        }

        await Task.WhenAll(posts);
        var postedIn = Stopwatch.GetElapsedTime(start);
        await Task.WhenAny(allSeen.Task, Task.Delay(TimeSpan.FromSeconds(60)));
        await stop.CancelAsync();
        await following;

        var latencies = Enumerable.Range(0, count).Where(i => Volatile.Read(ref seenAt[i]) != 0)
            .Select(i => Stopwatch.GetElapsedTime(sentAt[i], seenAt[i]).TotalMilliseconds).ToList();
        Console.WriteLine(FormattableString.Invariant($"posted in {postedIn.TotalSeconds:0.0} s ({count / postedIn.TotalSeconds:0} messages/s offered)"));
        WebhookLatencyBench.Print("POST /api/v1/channels/{id}/inbound answered", answered);
        WebhookLatencyBench.Print("channel request in -> ticket event on /api/v1/events", latencies);
        if (options.TryGetValue("--trace", out var tracePath))
        {
            await File.WriteAllLinesAsync(tracePath, Enumerable.Range(0, count).Select(i => string.Create(CultureInfo.InvariantCulture,
                $"{InboundStreams.For(channel, ids[i])},{InboundStreams.TicketIdOf(tenant, InboundStreams.For(channel, ids[i]))},{sentUnixMs[i]:0.000},{answeredMs[i]:0.000},{(seenAt[i] == 0 ? "" : Stopwatch.GetElapsedTime(sentAt[i], seenAt[i]).TotalMilliseconds.ToString("0.000", CultureInfo.InvariantCulture))}")));
        }

        Console.WriteLine($"seen {latencies.Count} of {count}; not accepted: {(refused.Count == 0 ? "none" : string.Join(", ", refused.Select(r => $"{r.Value} x {r.Key}")))}");
        return latencies.Count == count ? 0 : 1;
    }

    /// <summary>
    /// The feed publishes a tenant's changes once its audience has seen a listener, which takes a moment after the feed
    /// is opened: probe messages (not measured) go in, one every half second, until the feed shows one's ticket.
    /// </summary>
    private static async Task UntilTheFeedPublishesAsync(HttpClient http, string tenant, Guid channel, string secret, string run,
        ConcurrentDictionary<Guid, TaskCompletionSource> probes)
    {
        var anySeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var deadline = Stopwatch.StartNew();
        for (var k = 0; !anySeen.Task.IsCompleted; k++)
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException("The live feed showed none of the probe messages' tickets within 60 s.");
            }

            var id = $"bench-{run}-probe-{k}";
            probes[InboundStreams.TicketIdOf(tenant, InboundStreams.For(channel, id))] = anySeen;
            using var response = await PostAsync(http, channel, secret, id, "probe", () => { });
            response.EnsureSuccessStatusCode();
            await Task.WhenAny(anySeen.Task, Task.Delay(TimeSpan.FromMilliseconds(500)));
        }
    }

    /// <summary>Posts one signed app message; <paramref name="sending"/> runs just before the request goes out.</summary>
    private static Task<HttpResponseMessage> PostAsync(HttpClient http, Guid channel, string secret, string messageId, string text, Action sending)
    {
        var body = JsonSerializer.Serialize(new { messageId, userId = $"u-{messageId}", kind = "text", text, sentAt = DateTimeOffset.UtcNow });
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/channels/{channel}/inbound")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-TicketGrains-Timestamp", timestamp);
        request.Headers.Add("X-TicketGrains-Signature",
            Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}"))));
        sending();
        return http.SendAsync(request);
    }

    /// <summary>Reads the live feed and notes when each expected ticket first shows; a probe's ticket completes its signal.</summary>
    private static async Task FollowAsync(HttpClient http, Dictionary<Guid, int> tickets, long[] seenAt, TaskCompletionSource allSeen,
        ConcurrentDictionary<Guid, TaskCompletionSource> probes, CancellationToken cancellationToken)
    {
        var seen = 0;
        try
        {
            using var response = await http.GetAsync("/api/v1/events", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            response.EnsureSuccessStatusCode();
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
            var eventName = "";
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                if (line.StartsWith("event: ", StringComparison.Ordinal))
                {
                    eventName = line[7..];
                    continue;
                }

                // Only ticket changes name a ticket: the feed also carries surge events (a flood of first contacts is one).
                if (!line.StartsWith("data: ", StringComparison.Ordinal) || eventName != "ticket.changed")
                {
                    continue;
                }

                var at = Stopwatch.GetTimestamp();
                using var change = JsonDocument.Parse(line.AsMemory(6));
                var ticketId = change.RootElement.GetProperty("ticketId").GetGuid();
                if (probes.TryGetValue(ticketId, out var probe))
                {
                    probe.TrySetResult();
                }

                if (tickets.TryGetValue(ticketId, out var index)
                    && Interlocked.CompareExchange(ref seenAt[index], at, 0) == 0 && ++seen == tickets.Count)
                {
                    allSeen.TrySetResult();
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The run is over.
        }
    }
}
