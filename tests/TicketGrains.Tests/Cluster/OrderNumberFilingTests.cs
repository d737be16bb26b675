using TicketGrains.Abstractions.Contracts;
using Xunit;

namespace TicketGrains.Tests.Cluster;

/// <summary>
/// A ticket is filed under every order number it comes to carry (the index order events and the customer's context read),
/// not only the one it was created with: a number filled from a reading, or a proposal accepted with a corrected value.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class OrderNumberFilingTests(ClusterFixture fixture)
{
    private readonly string _tenant = Tenants.New();

    [Fact]
    public async Task An_order_number_filled_after_creation_files_the_ticket_under_it()
    {
        var id = Guid.NewGuid();
        var ticket = fixture.Client.Ticket(_tenant, id);
        await ticket.CreateAsync(Commands.Create() with { Body = "订单号：3456789012345678901", Fields = new Dictionary<string, string>() });
        var beforeReading = await FiledAsync("3456789012345678901");

        await ticket.RecordFieldReadingAsync(new FieldReading(1, [new ProposedFieldView("orderNo", "3456789012345678901", 0.95, "text", null)], 0.8));

        Assert.Empty(beforeReading);
        Assert.Equal([id], await FiledAsync("3456789012345678901"));
    }

    [Fact]
    public async Task An_accepted_correction_files_the_ticket_under_the_corrected_number_and_keeps_the_first()
    {
        var id = Guid.NewGuid();
        var ticket = fixture.Client.Ticket(_tenant, id);
        await ticket.CreateAsync(Commands.Create() with { Fields = new Dictionary<string, string> { ["orderNo"] = "JD100200300" } });
        await ticket.RecordFieldReadingAsync(new FieldReading(1, [new ProposedFieldView("orderNo", "JD100200399", 0.5, "ocr", null)], 0.8));
        var whileProposed = await FiledAsync("JD100200311");

        await ticket.AcceptProposedFieldAsync("orderNo", "JD100200311", "agent-1");

        Assert.Empty(whileProposed);
        Assert.Equal([id], await FiledAsync("JD100200300"));
        Assert.Equal([id], await FiledAsync("JD100200311"));
        Assert.Empty(await FiledAsync("JD100200399"));
    }

    [Fact]
    public async Task An_event_that_leaves_the_order_number_as_it_was_files_nothing_again()
    {
        var id = Guid.NewGuid();
        var ticket = fixture.Client.Ticket(_tenant, id);
        await ticket.CreateAsync(Commands.Create() with { Fields = new Dictionary<string, string> { ["orderNo"] = "PDD-777" } });

        await ticket.AddMessageAsync("customer", "还没到", isInternal: false, "channel:x", null);

        Assert.Equal([id], await FiledAsync("PDD-777"));
        Assert.Equal(["PDD-777"], fixture.EventLog.OrderNumbersFiled(_tenant, id));
    }

    private async Task<IReadOnlyList<Guid>> FiledAsync(string orderNo) => await fixture.OrderIndex.FindAsync(_tenant, orderNo, CancellationToken.None);
}
