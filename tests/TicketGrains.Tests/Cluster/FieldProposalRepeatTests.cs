using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using TicketGrains.Abstractions;
using TicketGrains.Abstractions.Grains;
using TicketGrains.Grains.Attachments;
using TicketGrains.Grains.AutoFill;
using TicketGrains.Grains.AutoFill.Fields;
using TicketGrains.Grains.AutoFill.Proposals;
using TicketGrains.Grains.Encryption;
using TicketGrains.Grains.EventLog;
using TicketGrains.Grains.Pipeline;
using TicketGrains.Tests.Domain;
using Xunit;

namespace TicketGrains.Tests.Cluster;

/// <summary>
/// The pipeline delivers at least once: after a subscriber restart the pages since its last checkpoint come again, and a
/// ticket's readings must not be proposed twice, by a fresh subscriber as by the same one.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class FieldProposalRepeatTests(ClusterFixture fixture)
{
    private readonly string _tenant = Tenants.New();

    [Fact]
    public async Task A_page_delivered_again_after_a_restart_records_each_reading_once()
    {
        var id = Guid.NewGuid();
        var ticket = fixture.Client.GetGrain<ITicketGrain>(GrainKeys.For(_tenant, id));
        await ticket.CreateAsync(TicketStates.Command() with { Body = "订单号：3456789012345678901 实付 ¥128.50", Fields = new Dictionary<string, string>() });
        await ticket.AddMessageAsync("customer", "手机 13812345678", isInternal: false, "channel:x", null);
        await ticket.AddMessageAsync("agent-1", "订单号：9999999999999999999", isInternal: false, "agent-1", null);
        var page = await PageAsync(id);

        await Subscriber().HandleAsync(page, CancellationToken.None);
        await Subscriber().HandleAsync(page, CancellationToken.None);
        await Subscriber().HandleAsync(page, CancellationToken.None);

        var view = await ticket.GetAsync();
        Assert.Equal(("3456789012345678901", "128.50", "13812345678"), (view.Fields["orderNo"], view.Fields["amount"], view.Fields["phone"]));
        Assert.Equal(["text", "text", "text"], new[] { "orderNo", "amount", "phone" }.Select(n => view.FieldSources[n]));
        Assert.Equal([1, 2], (await ticket.GetEventsAsync()).Where(e => e.Type == nameof(FieldsProposed))
            .Select(e => ((FieldsProposed)EventSerializer.Deserialize(e.Type, e.Data)).FromVersion));
    }

    private FieldProposalSubscriber Subscriber()
    {
        var services = new ServiceCollection().AddSingleton<IGrainFactory>(fixture.Client).BuildServiceProvider();
        var vault = new AttachmentVault(new InMemoryAttachmentStore(), new ClearProtection(), Options.Create(new AttachmentOptions()), fixture.Time);
        // Only API tickets here: the inbound records (PostgreSQL) are never asked.
        var inbound = new InboundRecords(NpgsqlDataSource.Create("Host=127.0.0.1;Port=1"));
        var reader = new ItemFieldReader(new TenantFieldExtractors(Options.Create(new FieldExtractionOptions())), vault, inbound, Array.Empty<IMediaTextReader>());
        return new FieldProposalSubscriber(services, reader, Options.Create(new ProposalOptions()), NullLogger<FieldProposalSubscriber>.Instance);
    }

    /// <summary>The ticket's events as the pipeline hands them over.</summary>
    private async Task<IReadOnlyList<CommittedEvent>> PageAsync(Guid id) =>
        [.. (await fixture.EventLog.ReadStreamAsync(_tenant, StreamIds.Ticket(id), 0))
            .Select(e => new CommittedEvent(1, e.Version, _tenant, StreamIds.Ticket(id), e.Version, e.EventType, e.Json, e.RecordedAt))];
}
