using TicketGrains.Grains.Surges;

namespace TicketGrains.Tests.Surges;

/// <summary>Feeds a detector tickets at explicit times and keeps what it signalled.</summary>
internal sealed class SurgeStream(SurgeOptions? options = null)
{
    public static readonly DateTimeOffset Monday = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    private int _next;

    public SurgeOptions Options { get; } = options ?? new SurgeOptions();

    public SurgeDetectorState State { get; set; } = new();

    public List<SurgeSignal> Signals { get; } = [];

    public List<Guid?> DuringSurge { get; } = [];

    public SurgeIncident Ticket(DateTimeOffset at, bool hasOrder = true) => new(Guid.NewGuid(), Guid.NewGuid(), hasOrder, at);

    public void Add(DateTimeOffset at, bool hasOrder = true)
    {
        var observed = SurgeDetector.Observe(State, Ticket(at, hasOrder), Id(_next++), Options);
        Signals.AddRange(observed.Signals);
        DuringSurge.Add(observed.DuringSurge);
    }

    /// <summary><paramref name="count"/> tickets spread evenly over the minute starting at <paramref name="minute"/>.</summary>
    public void Minute(DateTimeOffset minute, int count)
    {
        for (var i = 0; i < count; i++)
        {
            Add(minute.AddSeconds(60.0 * i / count));
        }
    }

    /// <summary>A steady <paramref name="perMinute"/> for <paramref name="minutes"/> minutes from <paramref name="from"/>.</summary>
    public void Steady(DateTimeOffset from, int minutes, Func<DateTimeOffset, int> perMinute)
    {
        for (var m = 0; m < minutes; m++)
        {
            var minute = from.AddMinutes(m);
            Minute(minute, perMinute(minute));
        }
    }

    public void Advance(DateTimeOffset to) => Signals.AddRange(SurgeDetector.Advance(State, to, Options));

    public IReadOnlyList<SurgeSignal> Detected => [.. Signals.Where(s => s.Detected)];

    public IReadOnlyList<SurgeSignal> Ended => [.. Signals.Where(s => !s.Detected)];

    public static Guid Id(int n) => new(n, 0, 0, [0, 0, 0, 0, 0, 0, 0, 1]);
}
