namespace TicketGrains.Grains.Webhooks;

/// <summary>
/// When a failed delivery is tried again: the Standard Webhooks schedule (at once, then 5 s, 5 min, 30 min, 2 h, 5 h,
/// 10 h, 14 h, 20 h, 24 h after each failure: about 80 hours in all), each wait stretched or shrunk by up to a fifth at
/// random so endpoints coming back are not hit by every sender at once. A Retry-After the endpoint sent replaces the
/// scheduled wait (at most 24 h).
/// </summary>
public static class RetrySchedule
{
    public static readonly IReadOnlyList<TimeSpan> Waits =
    [
        TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(5),
        TimeSpan.FromHours(10), TimeSpan.FromHours(14), TimeSpan.FromHours(20), TimeSpan.FromHours(24),
    ];

    /// <summary>Attempts in all: the first plus one per wait.</summary>
    public static int MaxAttempts => Waits.Count + 1;

    private const double Jitter = 0.2;

    private static readonly TimeSpan LongestRetryAfter = TimeSpan.FromHours(24);

    /// <summary>
    /// Decides after attempt number <paramref name="attempt"/> (from 1) ended with <paramref name="outcome"/>;
    /// <paramref name="random"/> is in [0, 1) and sets the jitter.
    /// </summary>
    public static DeliveryDecision Decide(int attempt, DeliveryOutcome outcome, DateTimeOffset now, double random)
    {
        if (outcome.Succeeded)
        {
            return new DeliveryDecision(DeliveryState.Delivered, null);
        }

        if (outcome.Gone)
        {
            return new DeliveryDecision(DeliveryState.Gone, null);
        }

        if (attempt >= MaxAttempts)
        {
            return new DeliveryDecision(DeliveryState.Failed, null);
        }

        var wait = outcome.RetryAfter is { } asked
            ? TimeSpan.FromTicks(Math.Clamp(asked.Ticks, 0, LongestRetryAfter.Ticks))
            : Waits[attempt - 1] * (1 + Jitter * (2 * random - 1));
        return new DeliveryDecision(DeliveryState.Pending, now + wait);
    }
}
