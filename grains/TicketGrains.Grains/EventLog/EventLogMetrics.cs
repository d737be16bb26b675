using System.Diagnostics.Metrics;

namespace TicketGrains.Grains.EventLog;

/// <summary>
/// The meter "TicketGrains.EventLog" of a silo's group-commit writer: how many appends each statement carried (the
/// histogram's count is the number of commits, its sum the events), how long a commit took, and each append's outcome.
/// </summary>
public sealed class EventLogMetrics
{
    public const string MeterName = "TicketGrains.EventLog";

    private static readonly int[] BatchBuckets = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000];
    private static readonly double[] SecondBuckets = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10];

    private readonly Histogram<int> _batchSize;
    private readonly Histogram<double> _commitDuration;
    private readonly Counter<long> _appends;

    public EventLogMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _batchSize = meter.CreateHistogram("ticketgrains.eventlog.batch.size", "{event}", "Appends carried by one batch statement.",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = BatchBuckets });
        _commitDuration = meter.CreateHistogram("ticketgrains.eventlog.commit.duration", "s", "Time of one batch statement, committed or failed.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondBuckets });
        _appends = meter.CreateCounter<long>("ticketgrains.eventlog.appends", "{event}",
            "Appends by outcome: committed, conflict (the version already existed) or failed (the statement failed).");
    }

    public void Committed(int batchSize, int conflicts, TimeSpan elapsed)
    {
        Record(batchSize, elapsed, "committed");
        _appends.Add(batchSize - conflicts, Outcome("committed"));
        _appends.Add(conflicts, Outcome("conflict"));
    }

    public void Failed(int batchSize, TimeSpan elapsed)
    {
        Record(batchSize, elapsed, "failed");
        _appends.Add(batchSize, Outcome("failed"));
    }

    private void Record(int batchSize, TimeSpan elapsed, string outcome)
    {
        _batchSize.Record(batchSize, Outcome(outcome));
        _commitDuration.Record(elapsed.TotalSeconds, Outcome(outcome));
    }

    private static KeyValuePair<string, object?> Outcome(string outcome) => new("outcome", outcome);
}
