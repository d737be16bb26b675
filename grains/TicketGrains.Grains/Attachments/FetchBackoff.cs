namespace TicketGrains.Grains.Attachments;

/// <summary>How long a media fetch that failed for a passing reason waits before its next attempt: 5 s, doubling, at most 10 minutes.</summary>
public static class FetchBackoff
{
    private static readonly TimeSpan First = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Longest = TimeSpan.FromMinutes(10);

    public static TimeSpan After(int attempts) =>
        attempts <= 1 ? First : TimeSpan.FromTicks(Math.Min(Longest.Ticks, First.Ticks << Math.Min(attempts - 1, 16)));
}
