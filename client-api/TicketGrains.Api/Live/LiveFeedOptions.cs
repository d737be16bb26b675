namespace TicketGrains.Api.Live;

/// <summary>The "LiveFeed" configuration section: how GET /api/v1/events buffers, catches up and checks its caller.</summary>
public sealed class LiveFeedOptions
{
    public const string Section = "LiveFeed";

    /// <summary>
    /// Changes one listener may have waiting to be written. Past it the listener stops buffering and, once it has
    /// written what it holds, reads what it missed from the event log: a slow client falls behind, it loses nothing.
    /// </summary>
    public int BufferedChanges { get; set; } = 10_000;

    /// <summary>Changes read from the event log per query while a listener catches up.</summary>
    public int CatchUpPage { get; set; } = 500;

    /// <summary>Quiet time after which a comment line is sent, so proxies do not close an idle stream.</summary>
    public TimeSpan Heartbeat { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often a stream opened with an API key checks that the key has not been revoked.</summary>
    public TimeSpan ApiKeyCheckPeriod { get; set; } = TimeSpan.FromSeconds(5);

    public bool IsValid() =>
        BufferedChanges is > 0 and <= 1_000_000 && CatchUpPage is > 0 and <= 10_000
        && Heartbeat > TimeSpan.Zero && ApiKeyCheckPeriod > TimeSpan.Zero;
}
