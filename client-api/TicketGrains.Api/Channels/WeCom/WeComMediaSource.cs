using Microsoft.Extensions.Options;
using TicketGrains.Api.Attachments;
using TicketGrains.Api.Channels.Inbound;
using TicketGrains.Api.Channels.WeChat;
using TicketGrains.Grains.Attachments;
using TicketGrains.Grains.Channels;

namespace TicketGrains.Api.Channels.WeCom;

/// <summary>
/// A WeCom customer-service message's media (image, voice, video, file): the corp's <c>GET /cgi-bin/media/get</c>
/// (获取临时素材) with the media_id of the sync_msg message, at the channel's apiBaseUrl.
/// </summary>
public sealed class WeComMediaSource(WeChatApi api, IOptions<AttachmentOptions> limits) : IMediaSource
{
    public string Type => "wecom";

    public Task<FetchedFile> FetchAsync(ChannelInfo channel, InboundContent content, CancellationToken cancellationToken) =>
        MediaFailures.Guard(() => MediaFailures.FetchByIdAsync(api, WeComAccount.Of(channel), content, limits.Value.LargestBytes, cancellationToken), cancellationToken);
}
