using System.Diagnostics;

namespace TicketGrains.Bench.Timeline;

/// <summary>The answer to one request of a timeline: success, or the kind of failure (status code or exception) with its detail.</summary>
public readonly record struct Outcome(bool Ok, string Kind, string Detail)
{
    public static readonly Outcome Success = new(true, "", "");

    public static Outcome Fail(string kind, string detail) => new(false, kind, detail);
}

/// <summary>
/// Sends requests on a schedule whatever the server answers (open loop): a slow server meets the same arrivals, so a dip
/// shows as lost throughput and latency measured from the scheduled time, not as a client that politely waits. Requests
/// beyond the in-flight cap are not sent and count as failures ("shed") of their second.
/// </summary>
public sealed class OpenLoopDriver(RateCurve curve, int seconds, int maxInFlight)
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(5);
    private int _inFlight;

    public SecondBuckets Buckets { get; } = new(seconds);

    public long StartUnixMs { get; private set; }

    /// <summary>Runs the schedule; <paramref name="send"/> gets the request's sequence number. Returns when every request has ended.</summary>
    public async Task RunAsync(Func<long, CancellationToken, Task<Outcome>> send, CancellationToken cancellationToken)
    {
        StartUnixMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var clock = Stopwatch.StartNew();
        var running = new List<Task>();
        long sent = 0;
        using var ticks = new PeriodicTimer(Tick);
        while (clock.Elapsed.TotalSeconds < seconds && !cancellationToken.IsCancellationRequested)
        {
            var now = clock.Elapsed.TotalSeconds;
            var due = (long)curve.DueBy(now);
            for (; sent < due; sent++)
            {
                Buckets.Offered(now);
                if (Interlocked.Increment(ref _inFlight) > maxInFlight)
                {
                    Interlocked.Decrement(ref _inFlight);
                    Buckets.Failure(now, "shed", $"more than {maxInFlight} requests in flight");
                    continue;
                }

                running.Add(OneAsync(send, sent, clock, Stopwatch.GetTimestamp(), cancellationToken));
            }

            running.RemoveAll(t => t.IsCompleted);
            await ticks.WaitForNextTickAsync(cancellationToken);
        }

        await Task.WhenAll(running);
    }

    private async Task OneAsync(Func<long, CancellationToken, Task<Outcome>> send, long sequence, Stopwatch clock, long scheduled, CancellationToken cancellationToken)
    {
        await Task.Yield();
        Outcome outcome;
        try
        {
            outcome = await send(sequence, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            outcome = Outcome.Fail(e.GetType().Name, e.Message);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }

        var ended = clock.Elapsed.TotalSeconds;
        if (outcome.Ok)
        {
            Buckets.Success(ended, (long)Stopwatch.GetElapsedTime(scheduled).TotalMicroseconds);
        }
        else
        {
            Buckets.Failure(ended, outcome.Kind, outcome.Detail);
        }
    }
}
