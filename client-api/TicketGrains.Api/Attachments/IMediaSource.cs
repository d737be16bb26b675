using TicketGrains.Api.Channels.Inbound;
using TicketGrains.Grains.Channels;

namespace TicketGrains.Api.Attachments;

/// <summary>
/// One platform's media API (in its own Channels/&lt;Platform&gt;/ folder), found by channel <see cref="Type"/>: fetches
/// the media an inbound message names (<see cref="InboundContent.MediaId"/> or <see cref="InboundContent.MediaUrl"/>)
/// at the channel's apiBaseUrl. Throws <see cref="MediaFetchException"/> saying whether trying again may help.
/// </summary>
public interface IMediaSource
{
    string Type { get; }

    Task<FetchedFile> FetchAsync(ChannelInfo channel, InboundContent content, CancellationToken cancellationToken);
}
