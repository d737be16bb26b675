using Microsoft.Extensions.Time.Testing;
using TicketGrains.Grains.Channels;
using TicketGrains.Grains.Customers.Linking;
using TicketGrains.Grains.Encryption;
using TicketGrains.Grains.EventLog;
using TicketGrains.Grains.Pipeline;
using Xunit;

namespace TicketGrains.Tests.Customers;

/// <summary>The pipeline's identity linking of inbound messages, on its own beside the ticket work.</summary>
public sealed class InboundLinkingSubscriberTests
{
    private const string Tenant = "shop";
    private static readonly Guid Channel = Guid.Parse("0193a000-0000-7000-8000-0000000000c1");
    private static readonly Guid WeChatLi = Guid.Parse("0193a000-0000-7000-8000-000000000001");
    private static readonly Guid AppLi = Guid.Parse("0193a000-0000-7000-8000-000000000002");

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 11, 8, 0, 0, TimeSpan.Zero));
    private readonly InMemoryCustomerGroups _groups = new();
    private readonly InboundLinkingSubscriber _subscriber;
    private long _position;

    public InboundLinkingSubscriberTests() =>
        _subscriber = new InboundLinkingSubscriber(new InboundContentReader(new ClearProtection()), new DefaultRules(),
            new CustomerLinker(new InMemoryIdentityKeyStore(), _groups, new InMemoryLinkProposals(), new ClearProtection(), _time, new RecentContacts(_time)));

    [Fact]
    public async Task Two_senders_giving_one_order_number_in_one_page_become_one_customer_and_other_events_are_passed_over()
    {
        var page = new[]
        {
            Received("m-1", WeChatLi, "订单号：202611110000000001 还没发货"),
            Threaded("m-1"),
            Received("m-2", AppLi, "order #202611110000000001 has not shipped"),
        };

        await _subscriber.HandleAsync(page, CancellationToken.None);

        Assert.Equal(WeChatLi, await _groups.SurvivorAsync(Tenant, AppLi));
        Assert.Equal(1, _groups.Merges);
        var selected = await _subscriber.SelectAsync([], CancellationToken.None);
        Assert.Equal([true, false, true], page.Select(e => selected(Header(e))));
    }

    [Fact]
    public async Task A_second_account_on_the_same_app_channel_naming_the_order_is_proposed_but_one_on_another_app_channel_links()
    {
        var (wang, wangWife, secondApp) = (Guid.Parse("0193a000-0000-7000-8000-000000000003"), Guid.Parse("0193a000-0000-7000-8000-000000000004"),
            Guid.Parse("0193a000-0000-7000-8000-0000000000c2"));
        await _subscriber.HandleAsync([Received("m-1", wang, "订单号：202611110000000003 还没发货")], CancellationToken.None);

        // A second app is a second account of the same person (an id per app), as a second WeChat official account is.
        await _subscriber.HandleAsync([Received("m-2", AppLi, "order #202611110000000003 has not shipped", channel: secondApp)], CancellationToken.None);
        Assert.Equal(wang, await _groups.SurvivorAsync(Tenant, AppLi));

        // Two accounts writing to one app are two persons: the wife asking about her husband's order.
        await _subscriber.HandleAsync([Received("m-3", wangWife, "请查一下 202611110000000003 这个订单")], CancellationToken.None);
        Assert.Equal(wangWife, await _groups.SurvivorAsync(Tenant, wangWife));
        Assert.Equal(1, _groups.Merges);
    }

    [Fact]
    public async Task A_message_of_a_customer_erased_before_it_got_here_links_nothing()
    {
        await _subscriber.HandleAsync([Received("m-1", WeChatLi, "订单号：202611110000000001")], CancellationToken.None);

        await _subscriber.HandleAsync([Received("m-2", AppLi, PersonalData.SealedPrefix + "1:AAAA", raw: true)], CancellationToken.None);

        Assert.Equal(AppLi, await _groups.SurvivorAsync(Tenant, AppLi));
        Assert.Equal(0, _groups.Merges);
    }

    [Fact]
    public async Task The_text_of_an_automatic_message_links_nobody()
    {
        await _subscriber.HandleAsync([Received("m-1", WeChatLi, "订单号：202611110000000001 还没发货")], CancellationToken.None);

        await _subscriber.HandleAsync([Received("m-2", AppLi, "Away; about order 202611110000000001 ask my colleague", automatic: "Auto-Submitted: auto-replied")],
            CancellationToken.None);

        Assert.Equal(AppLi, await _groups.SurvivorAsync(Tenant, AppLi));
        Assert.Equal(0, _groups.Merges);
    }

    [Fact]
    public void It_takes_over_from_the_ticket_work_subscriber_that_linked_before_it_which_hands_over_to_it()
    {
        Assert.Equal("inbound-messages", ((IEventSubscriber)_subscriber).TakesOverFrom);
        Assert.Equal("inbound-linking", ((IEventSubscriber)new InboundMessageSubscriber(null!)).HandsOverTo);
    }

    /// <summary>WeChatLi writes on WeChat, everyone else in the app (on <paramref name="channel"/>, by default the one app channel).</summary>
    private CommittedEvent Received(string messageId, Guid customer, string text, bool raw = false, string? automatic = null, Guid? channel = null)
    {
        var content = raw ? text : new InboundContent { PlatformMessageId = messageId, SenderId = "sender-" + customer, Text = text, Automatic = automatic }.ToJson();
        var received = new InboundMessageReceived(channel ?? Channel, customer == WeChatLi ? "wechat" : "app", customer, "standard", "text", _time.GetUtcNow(), content, _time.GetUtcNow());
        return Committed(messageId, 1, EventSerializer.TypeName(received), EventSerializer.Serialize(received));
    }

    private CommittedEvent Threaded(string messageId)
    {
        var threaded = new InboundMessageThreaded(Guid.NewGuid(), true, "new", "no open ticket", _time.GetUtcNow());
        return Committed(messageId, 2, EventSerializer.TypeName(threaded), EventSerializer.Serialize(threaded));
    }

    private CommittedEvent Committed(string messageId, int version, string type, string json) =>
        new(1, ++_position, Tenant, InboundStreams.For(Channel, messageId), version, type, json, _time.GetUtcNow());

    private static EventHeader Header(CommittedEvent e) => new(e.TransactionId, e.Position, e.TenantId, e.StreamId, e.Version, e.EventType, e.RecordedAt);

    private sealed class DefaultRules : IThreadingRules
    {
        public Task<ThreadingRule> ForChannelAsync(string tenant, Guid channelId) => Task.FromResult(ThreadingRule.Default);
    }
}
