using TicketGrains.Grains.Metering;
using Xunit;
using static TicketGrains.Tests.Metering.MeteredEvents;

namespace TicketGrains.Tests.Metering;

public sealed class UsageClassifierTests
{
    private const string InboundStream = "inbound/3f0c2a7e-0000-4000-8000-000000000001/abc";

    [Fact]
    public void A_created_ticket_counts_one_ticket()
    {
        Assert.Equal(new UsageCount(1, 0, 0, 0, null), UsageClassifier.Classify(Event(1, "TicketCreated", """{"subject":"x"}""")));
    }

    [Fact]
    public void An_agent_or_customer_message_from_the_api_counts_one_message()
    {
        Assert.Equal(new UsageCount(0, 1, 0, 0, null), UsageClassifier.Classify(Event(1, "MessageAdded", """{"author":"agent","internal":false}""")));
    }

    [Fact]
    public void A_channel_message_counts_once_when_received_and_not_again_when_it_joins_a_ticket()
    {
        Assert.Equal(new UsageCount(0, 1, 0, 0, null), UsageClassifier.Classify(Event(1, "InboundMessageReceived", stream: InboundStream)));
        Assert.True(UsageClassifier.Classify(Event(2, "MessageAdded", """{"author":"customer","inbound":{"stream":"s"}}""")).IsNothing);
    }

    [Fact]
    public void The_threading_decision_of_an_inbound_stream_counts_nothing()
    {
        Assert.True(UsageClassifier.Classify(Event(1, "InboundMessageReceived", stream: InboundStream, version: 2)).IsNothing);
    }

    [Fact]
    public void A_rule_run_counts_one_automation_run()
    {
        Assert.Equal(new UsageCount(0, 0, 1, 0, null), UsageClassifier.Classify(Event(1, "TriggersFired", """{"kind":"trigger"}""")));
    }

    [Fact]
    public void An_attachment_counts_its_bytes()
    {
        Assert.Equal(new UsageCount(0, 0, 0, 48_213, null), UsageClassifier.Classify(Event(1, "AttachmentAdded", """{"bytes":48213,"actor":"a"}""")));
    }

    [Theory]
    [InlineData("TicketClaimed")]
    [InlineData("ClaimAccepted")]
    public void A_claim_names_the_agent_acting(string type)
    {
        Assert.Equal(new UsageCount(0, 0, 0, 0, "agent-7"), UsageClassifier.Classify(Event(1, type, """{"agent":"agent-7"}""")));
    }

    [Theory]
    [InlineData("StatusChanged")]
    [InlineData("TicketRouted")]
    [InlineData("CustomerRegistered")]
    public void Other_events_count_nothing_and_are_not_read(string type)
    {
        var committed = Event(1, type);
        Assert.False(UsageClassifier.MayCount(new(committed.TransactionId, committed.Position, committed.TenantId, committed.StreamId,
            committed.Version, committed.EventType, committed.RecordedAt)));
        Assert.True(UsageClassifier.Classify(committed).IsNothing);
    }
}
