using TicketGrains.Grains.Webhooks;
using Xunit;

namespace TicketGrains.Tests.Webhooks;

public sealed class RetryScheduleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 11, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_2xx_is_delivered_and_a_410_is_gone_whatever_the_attempt()
    {
        Assert.Equal(new DeliveryDecision(DeliveryState.Delivered, null), RetrySchedule.Decide(1, DeliveryOutcome.Answered(204), Now, 0.5));
        Assert.Equal(new DeliveryDecision(DeliveryState.Gone, null), RetrySchedule.Decide(3, DeliveryOutcome.Answered(410), Now, 0.5));
    }

    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 5 * 60)]
    [InlineData(3, 30 * 60)]
    [InlineData(9, 24 * 3600)]
    public void Without_jitter_each_failure_waits_the_standard_schedule(int attempt, int seconds) =>
        Assert.Equal(Now.AddSeconds(seconds), RetrySchedule.Decide(attempt, DeliveryOutcome.Answered(503), Now, 0.5).NextAttemptAt);

    [Fact]
    public void Jitter_moves_a_wait_by_at_most_a_fifth_either_way()
    {
        Assert.Equal(Now.AddMinutes(24), RetrySchedule.Decide(3, DeliveryOutcome.Failed("refused"), Now, 0).NextAttemptAt);
        var latest = RetrySchedule.Decide(3, DeliveryOutcome.Failed("refused"), Now, 0.999_999).NextAttemptAt!.Value;
        Assert.InRange(latest - Now, TimeSpan.FromMinutes(35.99), TimeSpan.FromMinutes(36));
    }

    [Fact]
    public void Retries_span_more_than_24_hours_before_a_delivery_fails()
    {
        var at = Now;
        for (var attempt = 1; attempt < RetrySchedule.MaxAttempts; attempt++)
        {
            var decision = RetrySchedule.Decide(attempt, DeliveryOutcome.Answered(500), at, 0);
            Assert.Equal(DeliveryState.Pending, decision.State);
            at = decision.NextAttemptAt!.Value;
        }

        Assert.True(at - Now > TimeSpan.FromHours(24), $"the last attempt comes {at - Now} after the first");
        Assert.Equal(new DeliveryDecision(DeliveryState.Failed, null), RetrySchedule.Decide(RetrySchedule.MaxAttempts, DeliveryOutcome.Answered(500), at, 0));
    }

    [Fact]
    public void Retry_after_replaces_the_scheduled_wait_up_to_a_day()
    {
        Assert.Equal(Now.AddSeconds(90), RetrySchedule.Decide(1, DeliveryOutcome.Answered(429, TimeSpan.FromSeconds(90)), Now, 0.5).NextAttemptAt);
        Assert.Equal(Now.AddHours(24), RetrySchedule.Decide(1, DeliveryOutcome.Answered(503, TimeSpan.FromDays(3)), Now, 0.5).NextAttemptAt);
        Assert.Equal(Now, RetrySchedule.Decide(2, DeliveryOutcome.Answered(503, TimeSpan.FromSeconds(-5)), Now, 0.5).NextAttemptAt);
    }
}
