using TicketGrains.Abstractions.Contracts;
using Xunit;

namespace TicketGrains.Tests.AutoFill.Intents;

/// <summary>A confident classification sets a new ticket's category; a doubtful one is only proposed.</summary>
public sealed class CategoryDecisionTests
{
    private static IntentClassification Classified(double confidence) => new("refund", confidence, [new CategoryConfidence("return_exchange", 0.1)]);

    [Fact]
    public void At_the_threshold_the_category_is_set() =>
        Assert.Equal(new CategoryDecision("refund", null), CategoryDecision.For(Classified(0.6), setFrom: 0.6));

    [Fact]
    public void Below_the_threshold_the_ticket_stays_general_with_the_category_proposed() =>
        Assert.Equal(new CategoryDecision("general", new CategoryConfidence("refund", 0.59)), CategoryDecision.For(Classified(0.59), setFrom: 0.6));

    [Fact]
    public void Nothing_written_sets_and_proposes_nothing() => Assert.Equal(new CategoryDecision("general", null), CategoryDecision.None);
}
