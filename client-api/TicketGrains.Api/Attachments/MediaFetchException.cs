namespace TicketGrains.Api.Attachments;

/// <summary>A platform did not return the media: <see cref="Transient"/> when a later attempt may succeed (busy, timeout, 5xx).</summary>
public sealed class MediaFetchException(string message, bool transient, Exception? inner = null) : Exception(message, inner)
{
    public bool Transient { get; } = transient;
}
