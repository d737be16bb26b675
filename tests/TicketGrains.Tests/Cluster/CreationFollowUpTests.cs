using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.EventLog;
using Xunit;

namespace TicketGrains.Tests.Cluster;

/// <summary>
/// The pipeline's field reading asks a ticket for its creation's text moments after the create: the activation that
/// created it answers from what it appended, without reading its log again; later items still come from the log.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class CreationFollowUpTests(ClusterFixture fixture)
{
    private readonly string _tenant = Tenants.New();

    [Fact]
    public async Task The_creation_text_is_served_by_the_activation_that_created_it_without_reading_the_log()
    {
        var id = Guid.NewGuid();
        var ticket = fixture.Client.Ticket(_tenant, id);
        await ticket.CreateAsync(Commands.Create() with { Subject = "退款", Body = "订单号：3456789012345678901" });
        var readsAfterCreate = fixture.EventLog.StreamReadsOf(_tenant, StreamIds.Ticket(id));

        var item = await ticket.FieldSourceAsync(1);

        Assert.NotNull(item);
        Assert.Equal((FieldSourceKinds.Text, "退款\n订单号：3456789012345678901", (string?)null), (item.Kind, item.Text, item.InboundMessage));
        Assert.Equal(readsAfterCreate, fixture.EventLog.StreamReadsOf(_tenant, StreamIds.Ticket(id)));
    }

    [Fact]
    public async Task The_creation_text_is_handed_from_memory_once_and_a_repeated_ask_reads_the_same_item_from_the_log()
    {
        var id = Guid.NewGuid();
        var ticket = fixture.Client.Ticket(_tenant, id);
        await ticket.CreateAsync(Commands.Create() with { Subject = "退款", Body = "订单号：3456789012345678901" });
        var first = await ticket.FieldSourceAsync(1);
        var readsAfterFirst = fixture.EventLog.StreamReadsOf(_tenant, StreamIds.Ticket(id));

        var again = await ticket.FieldSourceAsync(1);

        Assert.Equal(first, again);
        Assert.Equal(readsAfterFirst + 1, fixture.EventLog.StreamReadsOf(_tenant, StreamIds.Ticket(id)));
    }

    [Fact]
    public async Task A_message_after_the_creation_is_read_from_the_log_and_a_recorded_reading_is_not_handed_out_again()
    {
        var id = Guid.NewGuid();
        var ticket = fixture.Client.Ticket(_tenant, id);
        await ticket.CreateAsync(Commands.Create() with { Subject = "退款", Body = "订单号：3456789012345678901", Fields = new Dictionary<string, string>() });
        await ticket.AddMessageAsync("customer", "手机 13812345678", isInternal: false, "channel:x", null);
        var reads = fixture.EventLog.StreamReadsOf(_tenant, StreamIds.Ticket(id));

        var message = await ticket.FieldSourceAsync(2);
        await ticket.RecordFieldReadingAsync(new FieldReading(1, [new ProposedFieldView("orderNo", "3456789012345678901", 0.95, "text", null)], 0.8));

        Assert.Equal((FieldSourceKinds.Text, "手机 13812345678"), (message?.Kind, message?.Text));
        Assert.Equal(reads + 1, fixture.EventLog.StreamReadsOf(_tenant, StreamIds.Ticket(id)));
        Assert.Null(await ticket.FieldSourceAsync(1));
        Assert.Equal("3456789012345678901", (await ticket.GetAsync()).Fields["orderNo"]);
    }
}
