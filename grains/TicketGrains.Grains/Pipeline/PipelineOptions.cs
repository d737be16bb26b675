using TicketGrains.Grains.Hosting;

namespace TicketGrains.Grains.Pipeline;

/// <summary>The "Pipeline" section: how subscribers follow the event log.</summary>
public sealed class PipelineOptions : IValidatableOptions
{
    public const string Section = "Pipeline";

    /// <summary>
    /// How long a subscriber that has caught up waits before looking for new events; also the first retry delay. A
    /// fallback: commits wake the subscribers (<see cref="PipelineWakeup"/>), and pages held back by a running
    /// transaction are read again within milliseconds (ADR 0038). Each poll costs every subscriber a read on an idle
    /// silo: at 100 ms PostgreSQL spent about twice the CPU it does at 500 ms (docs/benchmarks.md, 2026-12-06).
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The most events handed to a subscriber at once (and stored as one checkpoint).</summary>
    public int PageSize { get; set; } = 500;

    /// <summary>The longest wait between retries of a failing page; retries double from <see cref="PollInterval"/> up to it.</summary>
    public TimeSpan BackoffMax { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often every silo makes sure each subscriber's grain is running: after a silo dies, its subscribers
    /// resume elsewhere within about this long once the cluster has declared it dead.
    /// </summary>
    public TimeSpan KeeperInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The shortest time between two notifications a silo sends to wake the other silos' subscribers after it committed
    /// events (LISTEN/NOTIFY); zero turns the notifications off, leaving polling alone.
    /// </summary>
    public TimeSpan NotifyInterval { get; set; } = TimeSpan.FromMilliseconds(5);

    /// <summary>
    /// The shortest time from the start of one page to the start of the next when a commit woke the subscriber during
    /// the first (a full page is followed at once). Under load commits wake the subscribers continuously; without a
    /// floor each would read and checkpoint a handful of events at a time, one read and one commit per few events.
    /// Zero reads again at once.
    /// </summary>
    public TimeSpan GatherInterval { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// How many woken pages in a row may start sooner than <see cref="GatherInterval"/> after the one before: one credit
    /// comes back per interval, so under load a subscriber still reads at most about once per interval, while a single
    /// message's chain of commits (its customer, its receipt, its ticket) is followed at once on a quiet silo instead of
    /// an interval per commit. One keeps the plain floor between pages.
    /// </summary>
    public int GatherBurst { get; set; } = 4;

    /// <summary>
    /// The shortest time between two stores of a subscriber's checkpoint. A crash makes it handle again at most this much
    /// of the log, and the stored lag trails by up to this much; zero stores after every page.
    /// </summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Characters of event data a silo keeps for all its subscribers (<see cref="SharedDataReads"/>): 8 million (16 MB),
    /// some ten seconds of a 1,000-messages-a-second flood; zero reads every subscriber's data from PostgreSQL.
    /// </summary>
    public long SharedDataChars { get; set; } = 8_000_000;

    /// <summary>TEST ONLY: also run the test probe subscriber (<see cref="PipelineTestProbe"/>). Never set in production.</summary>
    public bool TestProbe { get; set; }

    public IEnumerable<string> Problems(string section)
    {
        if (PollInterval < TimeSpan.FromMilliseconds(10) || PollInterval > TimeSpan.FromMinutes(1))
        {
            yield return $"{section}:PollInterval must be between 00:00:00.010 and 00:01:00, not {PollInterval}.";
        }

        if (PageSize is < 1 or > 10_000)
        {
            yield return $"{section}:PageSize must be between 1 and 10000, not {PageSize}.";
        }

        if (BackoffMax < PollInterval || BackoffMax > TimeSpan.FromHours(1))
        {
            yield return $"{section}:BackoffMax must be at least {section}:PollInterval and at most 01:00:00, not {BackoffMax}.";
        }

        if (NotifyInterval < TimeSpan.Zero || NotifyInterval > TimeSpan.FromSeconds(10))
        {
            yield return $"{section}:NotifyInterval must be between 00:00:00 (off) and 00:00:10, not {NotifyInterval}.";
        }

        if (GatherInterval < TimeSpan.Zero || GatherInterval > TimeSpan.FromSeconds(1))
        {
            yield return $"{section}:GatherInterval must be between 00:00:00 and 00:00:01, not {GatherInterval}.";
        }

        if (GatherBurst is < 1 or > 100)
        {
            yield return $"{section}:GatherBurst must be between 1 and 100, not {GatherBurst}.";
        }

        if (SharedDataChars is < 0 or > 1_000_000_000)
        {
            yield return $"{section}:SharedDataChars must be between 0 (off) and 1000000000, not {SharedDataChars}.";
        }

        if (CheckpointInterval < TimeSpan.Zero || CheckpointInterval > TimeSpan.FromSeconds(10))
        {
            yield return $"{section}:CheckpointInterval must be between 00:00:00 and 00:00:10, not {CheckpointInterval}.";
        }

        if (KeeperInterval < TimeSpan.FromMilliseconds(100) || KeeperInterval > TimeSpan.FromMinutes(10))
        {
            yield return $"{section}:KeeperInterval must be between 00:00:00.100 and 00:10:00, not {KeeperInterval}.";
        }
    }
}
