using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TicketGrains.Abstractions;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Abstractions.Grains;
using TicketGrains.Grains.AutoFill.Intents;
using TicketGrains.Grains.Channels;
using TicketGrains.Grains.Encryption;
using TicketGrains.Grains.Pipeline;
using TicketGrains.Grains.ReadModel;
using TicketGrains.Tests.AutoFill.Intents;
using Xunit;

namespace TicketGrains.Tests.Cluster;

/// <summary>The pipeline delivers at least once: an inbound message handled again changes nothing.</summary>
[Collection(ClusterCollection.Name)]
public sealed class InboundTicketWorkTests(ClusterFixture fixture)
{
    private readonly Guid _channel = Guid.NewGuid();
    private readonly string _tenant = Tenants.New();
    private long _position;

    [Fact]
    public async Task A_message_stored_twice_and_handled_twice_makes_one_ticket_message_and_the_next_of_the_thread_joins()
    {
        var inbox = fixture.Client.GetGrain<IInboundInboxGrain>(_tenant);
        Assert.True(await inbox.StoreAsync(Envelope("m-1", "订单 20261111-42 没到")));
        Assert.False(await inbox.StoreAsync(Envelope("m-1", "订单 20261111-42 没到")));
        var work = Work();

        var first = await CommittedAsync("m-1");
        await work.HandleAsync(first, InboundTicketWork.Parse(first));
        await work.HandleAsync(first, InboundTicketWork.Parse(first));
        Assert.True(await inbox.StoreAsync(Envelope("m-2", "还没有物流")));
        var second = await CommittedAsync("m-2");
        await work.HandleAsync(second, InboundTicketWork.Parse(second));
        await work.HandleAsync(second, InboundTicketWork.Parse(second));

        var ticket = fixture.Client.GetGrain<ITicketGrain>(GrainKeys.For(_tenant, InboundStreams.TicketIdOf(_tenant, first.StreamId)));
        var view = await ticket.GetAsync();
        Assert.Equal(["订单 20261111-42 没到", "还没有物流"], view.Messages.Select(m => m.Body));
        Assert.Equal("20261111-42", view.Fields["orderNo"]);
        Assert.Equal(("logistics", null), (view.Category, view.ProposedCategory));
        Assert.Equal("订单 20261111-42 没到", Assert.Single(_classifier.Texts.Distinct()));
        Assert.Equal(["TicketCreated", "MessageAdded"], (await ticket.GetEventsAsync()).Select(e => e.Type));
        Assert.Equal(["InboundMessageReceived", "InboundMessageThreaded"],
            (await fixture.EventLog.ReadStreamAsync(_tenant, second.StreamId, 0)).Select(e => e.EventType));
    }

    [Fact]
    public async Task A_doubtful_classification_opens_a_general_ticket_with_the_category_proposed()
    {
        var inbox = fixture.Client.GetGrain<IInboundInboxGrain>(_tenant);
        Assert.True(await inbox.StoreAsync(Envelope("d-1", "在吗")));
        var message = await CommittedAsync("d-1");

        await Work(new FixedIntentClassifier("human_agent", 0.35)).HandleAsync(message, InboundTicketWork.Parse(message));

        var view = await fixture.Client.GetGrain<ITicketGrain>(GrainKeys.For(_tenant, InboundStreams.TicketIdOf(_tenant, message.StreamId))).GetAsync();
        Assert.Equal(("general", new CategoryConfidence("human_agent", 0.35)), (view.Category, view.ProposedCategory));
    }

    private readonly FixedIntentClassifier _classifier = new("logistics", 0.9);

    private InboundTicketWork Work(FixedIntentClassifier? classifier = null) => new(
        new ServiceCollection().AddSingleton<IGrainFactory>(fixture.Client).BuildServiceProvider(),
        fixture.EventLog, new InboundContentReader(new ClearProtection()), new InMemoryTicketReadModel(fixture.EventLog), new DefaultRules(),
        new NewTicketClassification(classifier ?? _classifier, Options.Create(new IntentOptions()), NullLogger<NewTicketClassification>.Instance), fixture.Time,
        NullLogger<InboundTicketWork>.Instance);

    private InboundEnvelope Envelope(string messageId, string text) => new()
    {
        ChannelId = _channel,
        ChannelType = "app",
        StreamId = InboundStreams.For(_channel, messageId),
        SenderId = "u-42",
        Kind = "text",
        SentAt = fixture.Time.GetUtcNow(),
        ContentJson = new InboundContent { PlatformMessageId = messageId, SenderId = "u-42", Text = text }.ToJson(),
    };

    /// <summary>The stored message as the pipeline hands it over.</summary>
    private async Task<CommittedEvent> CommittedAsync(string messageId)
    {
        var stream = InboundStreams.For(_channel, messageId);
        var stored = (await fixture.EventLog.ReadStreamAsync(_tenant, stream, 0))[0];
        return new CommittedEvent(1, ++_position, _tenant, stream, 1, stored.EventType, stored.Json, stored.RecordedAt);
    }

    private sealed class DefaultRules : IThreadingRules
    {
        public Task<ThreadingRule> ForChannelAsync(string tenant, Guid channelId) => Task.FromResult(ThreadingRule.Default);
    }
}
