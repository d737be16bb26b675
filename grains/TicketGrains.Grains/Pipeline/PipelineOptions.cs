namespace TicketGrains.Grains.Pipeline;

/// <summary>The "Pipeline" section: how subscribers follow the event log.</summary>
public sealed class PipelineOptions
{
    public const string Section = "Pipeline";

    /// <summary>How long a subscriber that has caught up waits before looking for new events; also the first retry delay.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The most events handed to a subscriber at once (and stored as one checkpoint).</summary>
    public int PageSize { get; set; } = 500;

    /// <summary>The longest wait between retries of a failing page; retries double from <see cref="PollInterval"/> up to it.</summary>
    public TimeSpan BackoffMax { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often every silo makes sure each subscriber's grain is running: after a silo dies, its subscribers
    /// resume elsewhere within about this long once the cluster has declared it dead.
    /// </summary>
    public TimeSpan KeeperInterval { get; set; } = TimeSpan.FromSeconds(5);
}
