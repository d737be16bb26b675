using TicketGrains.Api.Channels.Inbound;
using TicketGrains.Api.Channels.Outbound;
using TicketGrains.Grains.Channels;
using TicketGrains.Grains.Encryption;
using TicketGrains.Grains.EventLog;
using TicketGrains.Grains.OrderEvents;
using TicketGrains.Grains.Tickets;
using TicketGrains.Tests.Channels.Email;
using Xunit;

namespace TicketGrains.Tests.Channels.Outbound;

/// <summary>One attempt over an in-memory log and directory: which sender gets what, and what each way of failing records.</summary>
public sealed class ReplySendingTests
{
    private const string Tenant = "shop-a";
    private const string InboundStream = "inbound/channel/message-1";
    private static readonly DateTimeOffset At = new(2026, 11, 11, 8, 0, 0, TimeSpan.Zero);
    private static readonly Guid Customer = Guid.Parse("6f1c2a7e-0000-4000-8000-000000000001");
    private static readonly Guid TicketId = Guid.Parse("0193a1b2-0000-7000-8000-000000000042");
    private static readonly ChannelInfo WeChat = new(Guid.Parse("0190f0a4-7b1e-7c3d-9a55-3f2e1d0c4b6a"), Tenant, "wechat", "Shop", new Dictionary<string, string>());
    private static readonly ChannelInfo Web = WeChat with { Id = Guid.Parse("0190f0a4-7b1e-7c3d-9a55-3f2e1d0c4b6b"), Type = "web" };

    private readonly InMemoryEventLog _log = new(new InMemoryOrderTicketIndex());

    private async Task<QueuedReply> QueuedAsync(ChannelInfo channel, string text = "已发货")
    {
        var content = new InboundContent
        {
            PlatformMessageId = "msg-1", SenderId = "open-1", Subject = "物流", ThreadKey = "conv-9", InReplyTo = ["first", "second"],
        };
        await AppendAsync(InboundStream, 1, new InboundMessageReceived(channel.Id, channel.Type, Customer, "regular", "text", At, content.ToJson(), At));
        await AppendAsync(StreamIds.Ticket(TicketId), 1, new MessageAdded("customer", "在吗", false, At));
        await AppendAsync(StreamIds.Ticket(TicketId), 2, new MessageAdded("alice", text, false, At, "alice"));
        return new QueuedReply(Tenant, Guid.NewGuid(), TicketId, 2, Customer, channel.Id, InboundStream, ReplyDelivery.Queued(At));
    }

    private Task AppendAsync(string stream, int version, IDomainEvent e) =>
        _log.AppendAsync(new AppendRequest(Tenant, stream, version, EventSerializer.TypeName(e), EventSerializer.Serialize(e), null));

    private ReplySending Sending(params IChannelSender[] senders) =>
        new(new InMemoryChannelDirectory(WeChat, Web), senders, new ReplyReader(_log, new ClearProtection()));

    [Fact]
    public async Task The_sender_of_the_channels_type_gets_the_reply_put_together_from_the_log()
    {
        var sender = new RecordingSender("wechat", _ => SendOutcome.Delivered("p-1"));
        var reply = await QueuedAsync(WeChat);

        var outcome = await Sending(new RecordingSender("weibo", _ => SendOutcome.Delivered(null)), sender).AttemptAsync(reply, CancellationToken.None);

        Assert.Equal(SendOutcome.Delivered("p-1"), outcome);
        var (channel, message) = Assert.Single(sender.Sent);
        Assert.Equal(WeChat, channel);
        Assert.Equal((reply.MessageId, TicketId, "open-1", "已发货", "物流", "msg-1", "conv-9"),
            (message.MessageId, message.TicketId, message.RecipientId, message.Text, message.Subject, message.InReplyTo, message.ThreadKey));
        Assert.Equal(["first", "second"], message.References);
    }

    [Fact]
    public async Task A_channel_type_without_a_sender_fails_for_good_naming_the_type()
    {
        var outcome = await Sending(new RecordingSender("wechat", _ => SendOutcome.Delivered(null))).AttemptAsync(await QueuedAsync(Web), CancellationToken.None);

        Assert.Equal(SendOutcome.Failed("no sender for type web", false), outcome);
    }

    [Fact]
    public async Task A_deleted_channel_or_an_erased_customer_fails_for_good_without_calling_the_sender()
    {
        var sender = new RecordingSender("wechat", _ => SendOutcome.Delivered(null));
        var reply = await QueuedAsync(WeChat, PersonalData.Erased);

        var erased = await Sending(sender).AttemptAsync(reply, CancellationToken.None);
        var deleted = await Sending(sender).AttemptAsync(reply with { ChannelId = Guid.NewGuid() }, CancellationToken.None);

        Assert.Equal(SendOutcome.Failed("the customer's personal data was erased", false), erased);
        Assert.Equal(SendOutcome.Failed("the channel the customer wrote on no longer exists", false), deleted);
        Assert.Empty(sender.Sent);
    }

    [Fact]
    public async Task A_sender_that_throws_is_a_failure_worth_retrying()
    {
        var sender = new RecordingSender("wechat", _ => throw new InvalidOperationException("socket closed"));

        var outcome = await Sending(sender).AttemptAsync(await QueuedAsync(WeChat), CancellationToken.None);

        Assert.Equal(SendOutcome.Failed("the wechat sender failed: socket closed", true), outcome);
    }

    private sealed class RecordingSender(string type, Func<OutboundMessage, SendOutcome> answer) : IChannelSender
    {
        public List<(ChannelInfo Channel, OutboundMessage Message)> Sent { get; } = [];

        public string Type => type;

        public Task<SendOutcome> SendAsync(ChannelInfo channel, OutboundMessage message, CancellationToken cancellationToken)
        {
            var outcome = answer(message);
            Sent.Add((channel, message));
            return Task.FromResult(outcome);
        }
    }
}
