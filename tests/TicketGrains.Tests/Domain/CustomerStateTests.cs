using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.Customers;
using TicketGrains.Grains.Tickets;
using Xunit;

namespace TicketGrains.Tests.Domain;

public sealed class CustomerStateTests
{
    private static readonly Guid CustomerId = Guid.Parse("0b7c1f1e-0000-4000-8000-00000000000c");
    private static readonly DateTimeOffset Now = TicketStates.T0;

    private static readonly CustomerReference WeChat = new()
    {
        Channel = "wechat", ExternalId = "wx-42", Name = "Li Lei", Phone = "+86 138 0000 0000", Email = "li@example.com",
    };

    private static CustomerState Registered()
    {
        var state = new CustomerState();
        state.Apply(state.Decide(CustomerId, WeChat, Now)!);
        return state;
    }

    [Fact]
    public void First_contact_registers_with_the_default_tier()
    {
        var e = new CustomerState().Decide(CustomerId, WeChat, Now);

        Assert.Equal(new CustomerRegistered(CustomerId, "wechat:wx-42", "Li Lei", "+86 138 0000 0000", "li@example.com", "regular", Now), e);
    }

    [Fact]
    public void Registration_folds_into_the_profile()
    {
        var state = Registered();

        Assert.Equal((CustomerId, 1, "Li Lei", "regular"), (state.Id, state.Version, state.Name, state.Tier));
        Assert.Equal(["wechat:wx-42"], state.Identities);
    }

    [Fact]
    public void Same_contact_again_changes_nothing() => Assert.Null(Registered().Decide(CustomerId, WeChat, Now));

    [Fact]
    public void Contact_without_details_changes_nothing() =>
        Assert.Null(Registered().Decide(CustomerId, new CustomerReference { Channel = "wechat", ExternalId = "wx-42" }, Now));

    [Fact]
    public void New_identity_is_added()
    {
        var state = Registered();
        var email = WeChat with { Channel = "email", ExternalId = "li@example.com" };

        var e = state.Decide(CustomerId, email, Now);

        Assert.Equal(new CustomerProfileUpdated("email:li@example.com", null, null, null, null, Now), e);
        state.Apply(e!);
        Assert.Equal(["wechat:wx-42", "email:li@example.com"], state.Identities);
    }

    [Fact]
    public void Changed_tier_is_an_update_that_keeps_other_details()
    {
        var state = Registered();

        var e = state.Decide(CustomerId, new CustomerReference { Channel = "wechat", ExternalId = "wx-42", Tier = "vip" }, Now);

        Assert.Equal(new CustomerProfileUpdated(null, null, null, null, "vip", Now), e);
        state.Apply(e!);
        Assert.Equal(("vip", "Li Lei", "li@example.com", 2), (state.Tier, state.Name, state.Email, state.Version));
    }

    [Fact]
    public void Ticket_event_cannot_be_applied_to_a_customer() =>
        Assert.Throws<InvalidOperationException>(() => new CustomerState().Apply(new SlaBreached(Now, Now)));
}
