using System.Text.Json.Nodes;
using TicketGrains.Api.Channels.Inbound;
using TicketGrains.Api.Channels.Outbound;

namespace TicketGrains.Api.Channels.WeChat;

/// <summary>
/// Replies to a WeChat follower as a customer-service message (<c>/cgi-bin/message/custom/send</c>): WeChat allows it
/// within 48 hours of the follower's last message, which is why the inbound push itself is answered only "success".
/// </summary>
public sealed class WeChatSender(WeChatApi api) : IChannelSender
{
    public string Type => "wechat";

    public Task<SendOutcome> SendAsync(ChannelInfo channel, OutboundMessage message, CancellationToken cancellationToken) =>
        SendFailures.Guard(async () =>
        {
            await api.PostAsync(WeChatAccount.Of(channel), "/cgi-bin/message/custom/send", new JsonObject
            {
                ["touser"] = message.RecipientId,
                ["msgtype"] = "text",
                ["text"] = new JsonObject { ["content"] = message.Text },
            }, cancellationToken);
            // The API answers no id for the message it sent.
            return SendOutcome.Delivered(null);
        }, cancellationToken);
}
