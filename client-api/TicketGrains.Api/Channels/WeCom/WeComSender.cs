using System.Text.Json.Nodes;
using TicketGrains.Api.Channels.Inbound;
using TicketGrains.Api.Channels.Outbound;
using TicketGrains.Api.Channels.WeChat;

namespace TicketGrains.Api.Channels.WeCom;

/// <summary>
/// Replies to a WeChat customer of a WeCom customer-service account (<c>/cgi-bin/kf/send_msg</c>). The reply's own id
/// is sent as msgid (32 characters of [0-9a-f], within the platform's limit), so the platform's message id names it.
/// </summary>
public sealed class WeComSender(WeChatApi api) : IChannelSender
{
    public string Type => "wecom";

    public Task<SendOutcome> SendAsync(ChannelInfo channel, OutboundMessage message, CancellationToken cancellationToken) =>
        SendFailures.Guard(async () =>
        {
            var answer = await api.PostAsync(WeComAccount.Of(channel), "/cgi-bin/kf/send_msg", new JsonObject
            {
                ["touser"] = message.RecipientId,
                ["open_kfid"] = CallbackChecks.RequiredSetting(channel.Settings, WeComSettings.OpenKfId),
                ["msgid"] = message.MessageId.ToString("N"),
                ["msgtype"] = "text",
                ["text"] = new JsonObject { ["content"] = message.Text },
            }, cancellationToken);
            return SendOutcome.Delivered(answer["msgid"]?.ToString());
        }, cancellationToken);
}
