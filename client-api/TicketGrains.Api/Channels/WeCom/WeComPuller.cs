using System.Text.Json;
using System.Text.Json.Nodes;
using TicketGrains.Api.Channels.Inbound;
using TicketGrains.Api.Channels.WeChat;

namespace TicketGrains.Api.Channels.WeCom;

/// <summary>
/// Pulls a WeCom customer-service account's messages with <c>/cgi-bin/kf/sync_msg</c>, one page per call from the
/// cursor the inbound side kept; the callback's token goes with it (without one the platform limits the calls hard).
/// A platform error is a <see cref="WeChatApiException"/> carrying its errcode.
/// </summary>
public sealed class WeComPuller(WeChatApi api, ILogger<WeComPuller> log) : IMessagePuller
{
    /// <summary>The most the platform returns in one page.</summary>
    public const int PageLimit = 1000;

    public string Type => "wecom";

    public async Task<PulledPage> PullAsync(ChannelInfo channel, PullSignal signal, string? cursor, CancellationToken cancellationToken)
    {
        var request = new JsonObject { ["limit"] = PageLimit, ["open_kfid"] = signal.Account };
        if (!string.IsNullOrEmpty(cursor))
        {
            request["cursor"] = cursor;
        }

        if (!string.IsNullOrEmpty(signal.Token))
        {
            request["token"] = signal.Token;
        }

        var answer = await api.PostAsync(WeComAccount.Of(channel), "/cgi-bin/kf/sync_msg", request, cancellationToken);
        var messages = new List<InboundMessage>();
        foreach (var item in answer["msg_list"] as JsonArray ?? [])
        {
            if (item is JsonObject json && WeComMessageMapper.Map(json) is { } message)
            {
                messages.Add(message);
            }
            else
            {
                log.LogDebug("Channel {Channel}: a sync_msg item was skipped (not a customer's message or event): {MsgType}",
                    channel.Id, item?["msgtype"]?.ToString());
            }
        }

        var next = answer["next_cursor"]?.ToString();
        return new PulledPage(messages, string.IsNullOrEmpty(next) ? cursor : next, HasMore(answer["has_more"]));
    }

    /// <summary>has_more is documented as an integer (0 or 1); a boolean is read as well.</summary>
    private static bool HasMore(JsonNode? node) => node?.GetValueKind() switch
    {
        JsonValueKind.True => true,
        JsonValueKind.Number => node.GetValue<int>() != 0,
        _ => false,
    };
}
