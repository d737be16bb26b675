using Microsoft.Extensions.Options;
using TicketGrains.Api.Attachments;
using TicketGrains.Api.Channels.Inbound;
using TicketGrains.Grains.Attachments;
using TicketGrains.Grains.Channels;

namespace TicketGrains.Api.Channels.WeChat;

/// <summary>
/// An Official Account's media: <c>GET /cgi-bin/media/get?access_token=…&amp;media_id=…</c> at the channel's apiBaseUrl
/// answers the file, or for a video a <c>video_url</c> to download it from. Media ids live 3 days on WeChat's side.
/// </summary>
public sealed class WeChatMediaSource(WeChatApi api, IOptions<AttachmentOptions> limits) : IMediaSource
{
    public string Type => "wechat";

    public Task<FetchedFile> FetchAsync(ChannelInfo channel, InboundContent content, CancellationToken cancellationToken) =>
        MediaFailures.Guard(() => MediaFailures.FetchByIdAsync(api, WeChatAccount.Of(channel), content, limits.Value.LargestBytes, cancellationToken), cancellationToken);
}
