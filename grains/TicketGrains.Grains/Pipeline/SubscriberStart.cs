namespace TicketGrains.Grains.Pipeline;

/// <summary>Where a new subscriber (no stored checkpoint) starts reading the log.</summary>
public enum SubscriberStart
{
    /// <summary>From the first event ever committed.</summary>
    Beginning,

    /// <summary>From the events committed after it first runs; the history is skipped.</summary>
    Now,
}
