using TicketGrains.Abstractions;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Abstractions.Grains;
using Xunit;

namespace TicketGrains.Tests.Cluster;

[Collection(ClusterCollection.Name)]
public sealed class CustomerTicketsTests(ClusterFixture fixture)
{
    private static readonly CustomerReference Customer = new() { Channel = "app", ExternalId = "u-7", Name = "Han Meimei" };

    [Fact]
    public async Task Customer_lists_open_tickets_until_they_are_solved()
    {
        var tenant = Tenants.New();
        var customer = await fixture.Client.GetGrain<IChannelIdentityGrain>(GrainKeys.For(tenant, "app:u-7")).ResolveAsync(Customer);
        var grain = fixture.Client.GetGrain<ICustomerGrain>(GrainKeys.For(tenant, customer.Id));
        var first = await fixture.Client.OpenAsync(tenant, Commands.Create() with { CustomerId = customer.Id });
        var second = await fixture.Client.OpenAsync(tenant, Commands.Create() with { CustomerId = customer.Id });
        await Eventually.HoldsAsync(async () => (await grain.GetAsync()).OpenTickets.Count == 2, "the customer lists both tickets");

        await fixture.Client.Ticket(tenant, first.Id).ChangeStatusAsync("solved", "agent-1", null);

        await Eventually.HoldsAsync(async () => (await grain.GetAsync()).OpenTickets.SequenceEqual([second.Id]), "only the open ticket is listed");
    }

    [Fact]
    public async Task Customer_read_for_the_first_time_lists_what_the_read_model_holds()
    {
        var tenant = Tenants.New();
        var customer = await fixture.Client.GetGrain<IChannelIdentityGrain>(GrainKeys.For(tenant, "app:u-7")).ResolveAsync(Customer);
        var first = await fixture.Client.OpenAsync(tenant, Commands.Create() with { CustomerId = customer.Id });
        var second = await fixture.Client.OpenAsync(tenant, Commands.Create() with { CustomerId = customer.Id });
        await fixture.Client.Ticket(tenant, first.Id).ChangeStatusAsync("solved", "agent-1", null);

        // Nobody asked for the customer before: its open tickets come from the rows written with the events.
        var view = await fixture.Client.GetGrain<ICustomerGrain>(GrainKeys.For(tenant, customer.Id)).GetAsync();

        Assert.Equal([second.Id], view.OpenTickets);
    }

    [Fact]
    public async Task A_note_older_than_one_the_customer_heard_does_not_undo_it()
    {
        var tenant = Tenants.New();
        var customer = await fixture.Client.GetGrain<IChannelIdentityGrain>(GrainKeys.For(tenant, "app:u-7")).ResolveAsync(Customer);
        var grain = fixture.Client.GetGrain<ICustomerGrain>(GrainKeys.For(tenant, customer.Id));
        var ticket = await fixture.Client.OpenAsync(tenant, Commands.Create() with { CustomerId = customer.Id });
        await Eventually.HoldsAsync(async () => (await grain.GetAsync()).OpenTickets.SequenceEqual([ticket.Id]), "the customer lists the ticket");

        // The ticket's solve (version 5) is heard first, then its reopen of version 4 arrives late, as one-way notes can.
        await grain.TrackTicketAsync(ticket.Id, false, 5);
        await Eventually.HoldsAsync(async () => (await grain.GetAsync()).OpenTickets.Count == 0, "the solve is applied");
        await grain.TrackTicketAsync(ticket.Id, true, 4);
        // One-way notes carry no answer: a later note about another ticket, once visible, shows the late one had its turn.
        var marker = Guid.NewGuid();
        await grain.TrackTicketAsync(marker, true, 1);
        await Eventually.HoldsAsync(async () => (await grain.GetAsync()).OpenTickets.Contains(marker), "the marker note is applied");

        Assert.Equal([marker], (await grain.GetAsync()).OpenTickets);

        await grain.TrackTicketAsync(ticket.Id, true, 6);
        await Eventually.HoldsAsync(async () => (await grain.GetAsync()).OpenTickets.Contains(ticket.Id), "a newer reopen is applied");
    }

    [Fact]
    public async Task Reactivated_customer_rebuilds_its_open_tickets_from_the_read_model()
    {
        var tenant = Tenants.New();
        var customer = await fixture.Client.GetGrain<IChannelIdentityGrain>(GrainKeys.For(tenant, "app:u-7")).ResolveAsync(Customer);
        var grain = fixture.Client.GetGrain<ICustomerGrain>(GrainKeys.For(tenant, customer.Id));
        var ticket = await fixture.Client.OpenAsync(tenant, Commands.Create() with { CustomerId = customer.Id });
        await Eventually.HoldsAsync(async () => (await grain.GetAsync()).OpenTickets.Count == 1, "the customer lists the ticket");

        await fixture.Cluster.DeactivateAsync(grain);

        Assert.Equal([ticket.Id], (await grain.GetAsync()).OpenTickets);
    }
}
