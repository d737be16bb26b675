using System.Diagnostics;
using Microsoft.Extensions.Primitives;

namespace TicketGrains.Grains.Agents;

/// <summary>
/// Marks along one agent pull's path (front end, agent grain, ticket grain, event writer, audit entry), for finding
/// where a slow pull waited: the phase histograms of <see cref="PullPhaseMetrics"/> cannot tell which phase the slow
/// pulls were slow in. Compiled in only with <c>-p:PullTrace=true</c> (<c>PULL_TRACE_DIR=… deploy/local/pull-bench.sh</c>):
/// in every other build the calls vanish and <see cref="Current"/> is 0. A pull's id travels in the Orleans request
/// context; marks carry the monotonic clock (<see cref="Stopwatch"/>), which the bench client on the same machine shares.
/// </summary>
public static class PullTrace
{
    /// <summary>The response header naming the pull's trace id, so the bench can join its own send and receive times.</summary>
    public const string Header = "X-Pull-Trace";

    private const string ContextKey = "tg-pull-trace";

#if PULL_TRACE
    private static readonly System.Collections.Concurrent.ConcurrentQueue<string> Marks = new();
    private static long _lastId;
#endif

    /// <summary>The trace id of the pull this call belongs to; 0 when there is none or tracing is not compiled in.</summary>
    public static long Current =>
#if PULL_TRACE
        Orleans.Runtime.RequestContext.Get(ContextKey) is long id ? id : 0;
#else
        0;
#endif

    /// <summary>Starts a pull's trace: a new id in the request context and the response header, and its first mark.</summary>
    [Conditional("PULL_TRACE")]
    public static void Begin(IDictionary<string, StringValues> responseHeaders)
    {
#if PULL_TRACE
        var id = Interlocked.Increment(ref _lastId);
        Orleans.Runtime.RequestContext.Set(ContextKey, id);
        responseHeaders[Header] = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Mark(id, "api-in");
#endif
    }

    [Conditional("PULL_TRACE")]
    public static void Mark(string point, int detail = 0) => Mark(Current, point, detail);

    /// <summary>A mark for a pull whose id was taken earlier (the event writer's loop and callbacks run outside its context).</summary>
    [Conditional("PULL_TRACE")]
    public static void Mark(long id, string point, int detail = 0)
    {
#if PULL_TRACE
        if (id != 0)
        {
            Marks.Enqueue(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{id} {point} {Stopwatch.GetTimestamp()} {detail}"));
        }
#endif
    }

    /// <summary>Writes every mark to <paramref name="path"/> (one "id point timestamp detail" line each) when the host stops.</summary>
    [Conditional("PULL_TRACE")]
    public static void WriteOnStop(CancellationToken stopping, string? path)
    {
#if PULL_TRACE
        if (!string.IsNullOrEmpty(path))
        {
            stopping.Register(() => File.WriteAllLines(path, Marks));
        }
#endif
    }
}
