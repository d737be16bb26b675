namespace TicketGrains.Api.Attachments;

/// <summary>What became of one attempt at a message's media.</summary>
public abstract record MediaFetchOutcome
{
    /// <summary>Stored and recorded on the ticket (or nothing to fetch, or its customer was erased meanwhile).</summary>
    public sealed record Done : MediaFetchOutcome;

    /// <summary>Try again later: <paramref name="Counts"/> false when nothing failed (the message had no ticket yet).</summary>
    public sealed record Retry(string Reason, bool Counts) : MediaFetchOutcome;

    /// <summary>Never: the reason is recorded on the ticket, beside the message's text.</summary>
    public sealed record Failed(string Reason) : MediaFetchOutcome;
}
