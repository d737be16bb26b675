namespace TicketGrains.Grains.EventLog;

/// <summary>
/// Told after each batch that put events into the log. The writer knows nothing of who listens or why; the pipeline
/// uses it to read new events at once instead of at its next poll. Must return at once and never throw.
/// </summary>
public interface ICommitListener
{
    void Committed();
}
