namespace TicketGrains.Api.Channels.Inbound;

/// <summary>
/// Fetches messages a platform holds for pulling (WeCom's sync_msg), one page per call from the cursor given.
/// The inbound side stores a page's messages durably before it keeps the page's next cursor, so a crash between the
/// two repeats a page (de-duplicated by message id) and never skips one.
/// </summary>
public interface IMessagePuller
{
    /// <summary>The channel type it pulls for.</summary>
    string Type { get; }

    Task<PulledPage> PullAsync(ChannelInfo channel, PullSignal signal, string? cursor, CancellationToken cancellationToken);
}

public sealed record PulledPage(IReadOnlyList<InboundMessage> Messages, string? NextCursor, bool HasMore);
