using TicketGrains.Grains.Customers.Linking;
using Xunit;

namespace TicketGrains.Tests.Customers;

public sealed class LinkDeciderTests
{
    private static readonly Guid Contact = Guid.Parse("0193a000-0000-7000-8000-0000000000c0");
    private static readonly Guid A = Guid.Parse("0193a000-0000-7000-8000-00000000000a");
    private static readonly Guid B = Guid.Parse("0193a000-0000-7000-8000-00000000000b");
    private static readonly StrongKey Order1 = StrongKey.Order("202611110000000001");
    private static readonly StrongKey Order2 = StrongKey.Order("202611110000000002");
    private static readonly StrongKey Phone = StrongKey.Phone("13812345678");
    private static readonly StrongKey Mail = StrongKey.Email("li@example.com");

    private static HeldKey Held(StrongKey key, params Guid[] holders) => new(key, holders.ToHashSet());

    [Fact]
    public void A_contact_without_keys_is_its_own_customer()
    {
        var decision = LinkDecider.Decide(Contact, false, []);

        Assert.Equal((LinkOutcome.Same, null), (decision.Outcome, decision.Target));
        Assert.Empty(decision.Proposals);
    }

    [Fact]
    public void Keys_nobody_gave_before_or_only_the_contact_gave_keep_the_contact_its_own_customer()
    {
        var decision = LinkDecider.Decide(Contact, true, [Held(Order1), Held(Phone, Contact), Held(Mail, Contact)]);

        Assert.Equal(LinkOutcome.Same, decision.Outcome);
        Assert.Equal("no key of the contact belongs to another customer", decision.Reason);
    }

    [Fact]
    public void A_new_contact_giving_another_customers_order_number_links_to_it()
    {
        var decision = LinkDecider.Decide(Contact, false, [Held(Order1, A)]);

        Assert.Equal((LinkOutcome.Link, A), (decision.Outcome, decision.Target));
        Assert.Equal("the contact's order number belongs to this customer alone", decision.Reason);
    }

    [Fact]
    public void An_e_mail_address_links_on_its_own_and_a_phone_of_the_same_customer_agrees()
    {
        var decision = LinkDecider.Decide(Contact, false, [Held(Mail, A), Held(Phone, A), Held(Order2)]);

        Assert.Equal((LinkOutcome.Link, A), (decision.Outcome, decision.Target));
        Assert.EndsWith("and the phone number agrees", decision.Reason);
    }

    [Fact]
    public void A_family_phone_shared_with_the_target_does_not_stop_an_order_link()
    {
        var decision = LinkDecider.Decide(Contact, false, [Held(Order1, A), Held(Phone, A, B)]);

        Assert.Equal((LinkOutcome.Link, A), (decision.Outcome, decision.Target));
    }

    [Fact]
    public void A_link_that_would_give_the_customer_a_second_account_of_one_platform_is_proposed_instead()
    {
        var decision = LinkDecider.Decide(Contact, false, [Held(Order1, A), Held(Phone, A)], KeyKinds.AccountOn("wechat", Guid.Empty));

        Assert.Equal((LinkOutcome.Propose, null), (decision.Outcome, decision.Target));
        var proposal = Assert.Single(decision.Proposals);
        Assert.Equal((A, "order,phone"), (proposal.OtherCustomerId, string.Join(',', proposal.KeyKinds)));
        Assert.Equal("the customer the contact's order number belongs to has another wechat account on the same channel already: two accounts are two persons", decision.Reason);
    }

    [Fact]
    public void A_phone_number_alone_is_proposed_not_linked()
    {
        var decision = LinkDecider.Decide(Contact, false, [Held(Phone, A), Held(Order2)]);

        Assert.Equal((LinkOutcome.Propose, null), (decision.Outcome, decision.Target));
        var proposal = Assert.Single(decision.Proposals);
        Assert.Equal((A, KeyKinds.Phone), (proposal.OtherCustomerId, Assert.Single(proposal.KeyKinds)));
        Assert.Equal("a phone number alone does not link: families and shops share one", proposal.Reason);
    }

    [Fact]
    public void A_phone_shared_by_a_family_is_proposed_for_each_of_its_customers()
    {
        var decision = LinkDecider.Decide(Contact, false, [Held(Phone, B, A)]);

        Assert.Equal(LinkOutcome.Propose, decision.Outcome);
        Assert.Equal([A, B], decision.Proposals.Select(p => p.OtherCustomerId));
        Assert.Contains("shared by several customers", decision.Reason);
    }

    [Fact]
    public void Two_customers_on_one_order_are_proposed_when_the_contacts_customer_has_orders_of_its_own()
    {
        var decision = LinkDecider.Decide(Contact, true, [Held(Order1, A), Held(Order2, Contact)]);

        Assert.Equal(LinkOutcome.Propose, decision.Outcome);
        Assert.Equal(A, Assert.Single(decision.Proposals).OtherCustomerId);
        Assert.StartsWith("two customers on one order", decision.Reason);
    }

    [Fact]
    public void An_order_number_two_customers_gave_is_proposed_for_both()
    {
        var decision = LinkDecider.Decide(Contact, false, [Held(Order1, A, B)]);

        Assert.Equal(LinkOutcome.Propose, decision.Outcome);
        Assert.Equal([A, B], decision.Proposals.Select(p => p.OtherCustomerId));
        Assert.Equal("the contact's order number points to 2 different customers", decision.Reason);
    }

    [Fact]
    public void Order_numbers_of_two_customers_in_one_message_are_proposed()
    {
        var decision = LinkDecider.Decide(Contact, false, [Held(Order1, A), Held(Order2, B)]);

        Assert.Equal(LinkOutcome.Propose, decision.Outcome);
        Assert.Equal([A, B], decision.Proposals.Select(p => p.OtherCustomerId));
    }

    [Fact]
    public void An_order_contradicted_by_the_phone_of_another_customer_is_proposed_for_both()
    {
        var decision = LinkDecider.Decide(Contact, false, [Held(Order1, A), Held(Phone, B)]);

        Assert.Equal(LinkOutcome.Propose, decision.Outcome);
        Assert.Equal("the contact's order number points to one customer, its phone number to another", decision.Reason);
        Assert.Equal([(A, KeyKinds.Order), (B, KeyKinds.Phone)], decision.Proposals.Select(p => (p.OtherCustomerId, Assert.Single(p.KeyKinds))));
    }

    [Fact]
    public void An_order_contradicted_by_an_e_mail_address_of_another_customer_is_proposed()
    {
        var decision = LinkDecider.Decide(Contact, false, [Held(Order1, A), Held(Mail, B)]);

        Assert.Equal(LinkOutcome.Propose, decision.Outcome);
        Assert.Equal("the contact's order number and e-mail address point to 2 different customers", decision.Reason);
    }

    [Fact]
    public void A_customer_with_orders_of_its_own_giving_another_customers_e_mail_is_proposed()
    {
        var decision = LinkDecider.Decide(Contact, true, [Held(Mail, A)]);

        Assert.Equal(LinkOutcome.Propose, decision.Outcome);
        Assert.Equal("the contact's customer has orders of its own, and the e-mail address also belongs to another customer", decision.Reason);
    }

    [Fact]
    public void The_contact_among_the_holders_of_a_key_does_not_count_as_another_customer()
    {
        var decision = LinkDecider.Decide(Contact, false, [Held(Order1, Contact, A)]);

        Assert.Equal((LinkOutcome.Link, A), (decision.Outcome, decision.Target));
    }

    [Fact]
    public void Proposals_name_only_kinds_of_key_never_their_values()
    {
        var decision = LinkDecider.Decide(Contact, true, [Held(Order1, A), Held(Phone, A), Held(Mail, B)]);

        foreach (var proposal in decision.Proposals)
        {
            Assert.DoesNotContain(Order1.Value, proposal.Reason, StringComparison.Ordinal);
            Assert.DoesNotContain(Phone.Value, proposal.Reason, StringComparison.Ordinal);
            Assert.DoesNotContain(Mail.Value, proposal.Reason, StringComparison.Ordinal);
        }

        Assert.Equal([(A, "order,phone"), (B, "email")], decision.Proposals.Select(p => (p.OtherCustomerId, string.Join(',', p.KeyKinds))));
    }
}
