using Microsoft.Extensions.Time.Testing;
using TicketGrains.Grains.Channels;
using TicketGrains.Grains.Customers.Linking;
using TicketGrains.Grains.Encryption;
using Xunit;

namespace TicketGrains.Tests.Customers;

public sealed class CustomerLinkerTests
{
    private const string Tenant = "shop";
    private static readonly Guid WeChatLi = Guid.Parse("0193a000-0000-7000-8000-000000000001");
    private static readonly Guid MailLi = Guid.Parse("0193a000-0000-7000-8000-000000000002");
    private static readonly Guid Wang = Guid.Parse("0193a000-0000-7000-8000-000000000003");
    private static readonly Guid WangWife = Guid.Parse("0193a000-0000-7000-8000-000000000004");

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 11, 8, 0, 0, TimeSpan.Zero));
    private readonly InMemoryIdentityKeyStore _keys = new();
    private readonly InMemoryCustomerGroups _groups = new();
    private readonly InMemoryLinkProposals _proposals = new();
    private readonly CustomerLinker _linker;

    public CustomerLinkerTests() =>
        _linker = new CustomerLinker(_keys, _groups, _proposals, new ClearProtection(), _time, new RecentContacts(_time));

    [Fact]
    public async Task A_customer_who_writes_on_WeChat_then_e_mails_with_the_same_order_number_is_one_customer()
    {
        Assert.Equal(LinkOutcome.Same, (await _linker.LinkAsync(Tenant, WeChatLi, [StrongKey.Order("202611110000000001")])).Outcome);

        var decision = await _linker.LinkAsync(Tenant, MailLi, [StrongKey.Email("li@example.com"), StrongKey.Order("202611110000000001")]);

        Assert.Equal((LinkOutcome.Link, WeChatLi), (decision.Outcome, decision.Target));
        Assert.Equal(WeChatLi, await _groups.SurvivorAsync(Tenant, MailLi));
        Assert.Empty(await _proposals.OfAsync(Tenant, [WeChatLi, MailLi]));
    }

    private static readonly Guid ShopChannel = Guid.Parse("0193a000-0000-7000-8000-0000000000c1");

    /// <summary>The keys of a message to the shop's one channel of that type, its account on it included.</summary>
    private static List<StrongKey> From(string channel, string externalId, string text) =>
    [
        .. KeyExtractor.OfIdentity(channel, externalId), .. KeyExtractor.From(text, ThreadingRule.DefaultOrderPattern),
        .. StrongKey.Account(channel, ShopChannel, externalId) is { } account ? [account] : Array.Empty<StrongKey>(),
    ];

    [Fact]
    public async Task A_second_WeChat_account_naming_the_customers_order_is_proposed_but_another_platform_links()
    {
        await _linker.LinkAsync(Tenant, Wang, From("wechat", "oWang", "订单号：202611110000000003 还没发货"));

        // The same order from Douyin is one person on a second platform: linked, as before.
        var wangOnDouyin = Guid.Parse("0193a000-0000-7000-8000-000000000006");
        var douyin = await _linker.LinkAsync(Tenant, wangOnDouyin, From("douyin", "dy_wang", "Where is my order #202611110000000003?"));
        Assert.Equal((LinkOutcome.Link, Wang), (douyin.Outcome, douyin.Target));

        // But two WeChat users are two persons: the wife asking about her husband's order from her own account.
        var wife = await _linker.LinkAsync(Tenant, WangWife, From("wechat", "oWangWife", "请查一下 202611110000000003 这个订单"));
        Assert.Equal(LinkOutcome.Propose, wife.Outcome);
        Assert.Equal(Wang, Assert.Single(await _proposals.OfAsync(Tenant, [WangWife])).OtherCustomerId);

        Assert.Equal(1, _groups.Merges);
    }

    [Fact]
    public async Task A_second_e_mail_address_is_no_second_account_a_person_has_several()
    {
        await _linker.LinkAsync(Tenant, Wang, From("email", "wang@example.com", "order 202611110000000003"));

        var decision = await _linker.LinkAsync(Tenant, WangWife, From("email", "wang.home@example.com", "order 202611110000000003"));

        Assert.Equal((LinkOutcome.Link, Wang), (decision.Outcome, decision.Target));
    }

    [Fact]
    public async Task A_contact_whose_keys_nobody_else_gave_is_decided_without_asking_for_its_own_orders()
    {
        await _linker.LinkAsync(Tenant, Wang, [StrongKey.Order("202611110000000003"), StrongKey.Phone("01062345678")]);
        var decision = await _linker.LinkAsync(Tenant, WangWife, [StrongKey.Order("202611110000000004")]);

        Assert.Equal(LinkOutcome.Same, decision.Outcome);
        Assert.Equal(0, _keys.KindReads);

        // A key someone else gave needs the answer: a customer with orders of its own is never linked on it.
        await _linker.LinkAsync(Tenant, WangWife, [StrongKey.Order("202611110000000003")]);
        Assert.Equal(1, _keys.KindReads);
        Assert.Equal(WangWife, await _groups.SurvivorAsync(Tenant, WangWife));
    }

    [Fact]
    public async Task After_the_link_a_new_order_from_either_identity_stays_with_the_one_customer()
    {
        await _linker.LinkAsync(Tenant, WeChatLi, [StrongKey.Order("202611110000000001")]);
        await _linker.LinkAsync(Tenant, MailLi, [StrongKey.Order("202611110000000001")]);

        var decision = await _linker.LinkAsync(Tenant, MailLi, [StrongKey.Order("202611110000000009")]);
        var again = await _linker.LinkAsync(Tenant, WeChatLi, [StrongKey.Order("202611110000000009")]);

        Assert.Equal((LinkOutcome.Same, LinkOutcome.Same), (decision.Outcome, again.Outcome));
        Assert.Equal(1, _groups.Merges);
    }

    [Fact]
    public async Task A_repeat_of_the_same_keys_by_the_same_customer_within_the_window_is_not_linked_again_but_a_new_key_is()
    {
        await _linker.LinkAsync(Tenant, Wang, [StrongKey.Order("202611110000000003"), StrongKey.Phone("01062345678")]);
        await _linker.LinkAsync(Tenant, WangWife, [StrongKey.Order("202611110000000004"), StrongKey.Phone("01062345678")]);
        var proposals = (await _proposals.OfAsync(Tenant, [Wang])).Count;

        var repeat = await _linker.LinkAsync(Tenant, WangWife, [StrongKey.Phone("01062345678"), StrongKey.Order("202611110000000004")]);
        Assert.Equal(LinkOutcome.Same, repeat.Outcome);
        Assert.Equal(proposals, (await _proposals.OfAsync(Tenant, [Wang])).Count);

        // A new key is a new contact: decided against what is recorded.
        var withMail = await _linker.LinkAsync(Tenant, WangWife, [StrongKey.Order("202611110000000003")]);
        Assert.NotEqual(LinkOutcome.Same, withMail.Outcome);

        // After the window the same keys are decided again.
        Assert.Contains("moments ago", repeat.Reason, StringComparison.Ordinal);
        _time.Advance(RecentContacts.Window);
        var later = await _linker.LinkAsync(Tenant, WangWife, [StrongKey.Phone("01062345678"), StrongKey.Order("202611110000000004")]);
        Assert.DoesNotContain("moments ago", later.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_more_customers_gave_than_a_family_shares_is_no_evidence_at_all()
    {
        const string Sample = "202611110000000042";
        for (var i = 0; i <= CustomerLinker.MaxHolders; i++)
        {
            await _linker.LinkAsync(Tenant, Guid.NewGuid(), [StrongKey.Order(Sample)]);
        }

        // (Those first contacts linked one another on the shared number while it still looked like one person's.)
        var mergesBefore = _groups.Merges;
        var decision = await _linker.LinkAsync(Tenant, Wang, [StrongKey.Order(Sample)]);

        Assert.Equal(LinkOutcome.Same, decision.Outcome);
        Assert.Empty(await _proposals.OfAsync(Tenant, [Wang]));
        Assert.Equal(mergesBefore, _groups.Merges);
    }

    [Fact]
    public async Task A_family_phone_gives_a_proposal_and_never_a_merge()
    {
        await _linker.LinkAsync(Tenant, Wang, [StrongKey.Order("202611110000000003"), StrongKey.Phone("01062345678")]);

        var decision = await _linker.LinkAsync(Tenant, WangWife, [StrongKey.Order("202611110000000004"), StrongKey.Phone("01062345678")]);

        Assert.Equal(LinkOutcome.Propose, decision.Outcome);
        Assert.Equal(0, _groups.Merges);
        var proposal = Assert.Single(await _proposals.OfAsync(Tenant, [Wang]));
        Assert.Equal((WangWife, Wang, "phone"), (proposal.CustomerId, proposal.OtherCustomerId, Assert.Single(proposal.KeyKinds)));
    }

    [Fact]
    public async Task Once_the_family_phone_is_known_from_two_customers_a_third_contact_with_it_is_proposed_for_both()
    {
        var third = Guid.Parse("0193a000-0000-7000-8000-000000000005");
        await _linker.LinkAsync(Tenant, Wang, [StrongKey.Order("202611110000000003"), StrongKey.Phone("01062345678")]);
        await _linker.LinkAsync(Tenant, WangWife, [StrongKey.Order("202611110000000004"), StrongKey.Phone("01062345678")]);

        var decision = await _linker.LinkAsync(Tenant, third, [StrongKey.Phone("01062345678")]);

        Assert.Equal([Wang, WangWife], decision.Proposals.Select(p => p.OtherCustomerId).Order());
        Assert.Equal(0, _groups.Merges);
    }

    [Fact]
    public async Task A_customer_with_its_own_orders_naming_another_customers_order_is_proposed()
    {
        await _linker.LinkAsync(Tenant, Wang, [StrongKey.Order("202611110000000003")]);
        await _linker.LinkAsync(Tenant, WangWife, [StrongKey.Order("202611110000000004")]);

        var decision = await _linker.LinkAsync(Tenant, WangWife, [StrongKey.Order("202611110000000003")]);

        Assert.Equal(LinkOutcome.Propose, decision.Outcome);
        Assert.StartsWith("two customers on one order", decision.Reason);
        Assert.Equal(0, _groups.Merges);
    }

    [Fact]
    public async Task A_contact_handled_twice_decides_the_same_and_merges_once()
    {
        await _linker.LinkAsync(Tenant, WeChatLi, [StrongKey.Order("202611110000000001")]);
        await _linker.LinkAsync(Tenant, MailLi, [StrongKey.Order("202611110000000001")]);

        var redelivered = await _linker.LinkAsync(Tenant, MailLi, [StrongKey.Order("202611110000000001")]);

        Assert.Equal(LinkOutcome.Same, redelivered.Outcome);
        Assert.Equal(1, _groups.Merges);
    }

    [Fact]
    public async Task Keys_are_looked_up_and_stored_per_tenant()
    {
        await _linker.LinkAsync("other-shop", WeChatLi, [StrongKey.Order("202611110000000001")]);

        var decision = await _linker.LinkAsync(Tenant, MailLi, [StrongKey.Order("202611110000000001")]);

        Assert.Equal(LinkOutcome.Same, decision.Outcome);
    }
}
