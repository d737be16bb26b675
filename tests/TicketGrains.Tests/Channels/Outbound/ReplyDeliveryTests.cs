using Microsoft.Extensions.Time.Testing;
using TicketGrains.Api.Channels.Outbound;
using Xunit;

namespace TicketGrains.Tests.Channels.Outbound;

public sealed class ReplyDeliveryTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 11, 8, 0, 0, TimeSpan.Zero));

    private static readonly ReplyOptions Options = new()
    {
        Attempts = 4,
        RetryDelays = [TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30)],
    };

    private static readonly SendOutcome Busy = SendOutcome.Failed("WeChat errcode -1: system busy", retryable: true);

    [Fact]
    public void A_new_reply_is_queued_and_due_at_once()
    {
        var queued = ReplyDelivery.Queued(_time.GetUtcNow());

        Assert.Equal(("queued", 0, true), (queued.State, queued.Attempts, queued.IsDueAt(_time.GetUtcNow())));
    }

    [Fact]
    public void A_sent_reply_keeps_the_platform_message_id_and_the_time_and_is_never_due_again()
    {
        var queued = ReplyDelivery.Queued(_time.GetUtcNow());
        _time.Advance(TimeSpan.FromMilliseconds(120));

        var sent = queued.After(SendOutcome.Delivered("msg-7781"), _time.GetUtcNow(), Options);

        Assert.Equal(("sent", 1, "msg-7781", (DateTimeOffset?)_time.GetUtcNow(), (string?)null), (sent.State, sent.Attempts, sent.PlatformMessageId, sent.SentAt, sent.Reason));
        _time.Advance(TimeSpan.FromDays(1));
        Assert.False(sent.IsDueAt(_time.GetUtcNow()));
        Assert.Throws<InvalidOperationException>(() => sent.After(SendOutcome.Delivered(null), _time.GetUtcNow(), Options));
    }

    [Fact]
    public void Retryable_failures_wait_the_configured_delays_the_last_one_repeating()
    {
        var delivery = ReplyDelivery.Queued(_time.GetUtcNow());
        var waits = new List<TimeSpan>();
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var failedAt = _time.GetUtcNow();
            delivery = delivery.After(Busy, failedAt, Options);
            waits.Add(delivery.NextAttemptAt - failedAt);
            _time.Advance(waits[^1] - TimeSpan.FromMilliseconds(1));
            Assert.False(delivery.IsDueAt(_time.GetUtcNow()));
            _time.Advance(TimeSpan.FromMilliseconds(1));
            Assert.True(delivery.IsDueAt(_time.GetUtcNow()));
        }

        Assert.Equal([TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30)], waits);
        Assert.Equal(("queued", 3, "WeChat errcode -1: system busy"), (delivery.State, delivery.Attempts, delivery.Reason));
    }

    [Fact]
    public void Twice_busy_then_sent_is_sent_after_three_attempts()
    {
        var delivery = ReplyDelivery.Queued(_time.GetUtcNow());
        foreach (var outcome in new[] { Busy, Busy })
        {
            delivery = delivery.After(outcome, _time.GetUtcNow(), Options);
            _time.Advance(delivery.NextAttemptAt - _time.GetUtcNow());
        }

        delivery = delivery.After(SendOutcome.Delivered(null), _time.GetUtcNow(), Options);

        Assert.Equal(("sent", 3, (string?)null, (DateTimeOffset?)new DateTimeOffset(2026, 11, 11, 8, 0, 35, TimeSpan.Zero)),
            (delivery.State, delivery.Attempts, delivery.Reason, delivery.SentAt));
    }

    [Fact]
    public void The_last_allowed_attempt_failing_fails_the_reply_with_the_platform_reason()
    {
        var delivery = ReplyDelivery.Queued(_time.GetUtcNow());
        for (var attempt = 1; attempt <= Options.Attempts; attempt++)
        {
            delivery = delivery.After(Busy, _time.GetUtcNow(), Options);
            _time.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Equal(("failed", 4, "WeChat errcode -1: system busy (gave up after 4 attempts)"), (delivery.State, delivery.Attempts, delivery.Reason));
        Assert.False(delivery.IsDueAt(_time.GetUtcNow()));
    }

    [Fact]
    public void A_failure_no_retry_can_fix_fails_the_reply_at_once()
    {
        var refused = SendOutcome.Failed("WeChat errcode 45015: response out of time limit", retryable: false);

        var failed = ReplyDelivery.Queued(_time.GetUtcNow()).After(refused, _time.GetUtcNow(), Options);

        Assert.Equal(("failed", 1, "WeChat errcode 45015: response out of time limit", (DateTimeOffset?)null), (failed.State, failed.Attempts, failed.Reason, failed.SentAt));
    }

    [Fact]
    public void The_view_shows_the_next_attempt_only_while_queued()
    {
        var (message, channel) = (Guid.NewGuid(), Guid.NewGuid());
        var retrying = ReplyDelivery.Queued(_time.GetUtcNow()).After(Busy, _time.GetUtcNow(), Options);
        var failed = retrying.After(SendOutcome.Failed("gone", false), _time.GetUtcNow(), Options);

        var view = failed.View(message, channel);

        Assert.Equal((DateTimeOffset?)(_time.GetUtcNow() + TimeSpan.FromSeconds(5)), retrying.View(message, channel).NextAttemptAt);
        Assert.Equal((message, channel, "failed", 2, "gone", (DateTimeOffset?)null), (view.MessageId, view.ChannelId, view.State, view.Attempts, view.Reason, view.NextAttemptAt));
    }
}
