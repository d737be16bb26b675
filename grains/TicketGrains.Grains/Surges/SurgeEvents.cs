using TicketGrains.Grains.EventLog;

namespace TicketGrains.Grains.Surges;

/// <summary>
/// A surge began (version 1 of its stream, <see cref="SurgeStreams"/>): the <c>surge.detected</c> webhook event. Counts
/// are tickets in the window; <paramref name="Expected"/> what the baseline expected there, <paramref name="Threshold"/>
/// the onset level it crossed.
/// </summary>
public sealed record SurgeDetected(
    Guid SurgeId, string Category, DateTimeOffset StartedAt, int WindowCount, double Expected, double Threshold,
    Guid? ProblemTicketId, string? SurgeQueue, DateTimeOffset At) : IDomainEvent;

/// <summary>The surge ended (version 2 of its stream): the <c>surge.ended</c> webhook event.</summary>
public sealed record SurgeEnded(Guid SurgeId, string Category, DateTimeOffset DetectedAt, int PeakCount, int Incidents, int Notices, DateTimeOffset At)
    : IDomainEvent;

/// <summary>Each surge has a stream of its own, "surge/{id}": version 1 its detection, version 2 its end, each recorded once.</summary>
public static class SurgeStreams
{
    public const string Prefix = "surge/";

    public static string For(Guid surgeId) => Prefix + surgeId.ToString("D");

    public static bool TrySurgeId(string streamId, out Guid surgeId)
    {
        surgeId = Guid.Empty;
        return streamId.StartsWith(Prefix, StringComparison.Ordinal) && Guid.TryParseExact(streamId.AsSpan(Prefix.Length), "D", out surgeId);
    }
}
