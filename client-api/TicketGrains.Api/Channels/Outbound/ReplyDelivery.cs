using TicketGrains.Abstractions.Contracts;

namespace TicketGrains.Api.Channels.Outbound;

/// <summary>
/// The delivery state machine of one reply, pure: queued (due at <see cref="NextAttemptAt"/>) until an attempt sends it
/// (sent) or fails it for good (failed: a failure no retry can fix, or the last allowed attempt). A retryable failure
/// keeps it queued, due after the configured wait, with the failure as its reason.
/// </summary>
public sealed record ReplyDelivery(string State, int Attempts, DateTimeOffset NextAttemptAt, string? Reason, string? PlatformMessageId, DateTimeOffset? SentAt)
{
    public static ReplyDelivery Queued(DateTimeOffset now) => new(MessageDelivery.Queued, 0, now, null, null, null);

    public bool IsDueAt(DateTimeOffset now) => State == MessageDelivery.Queued && NextAttemptAt <= now;

    /// <summary>The state after an attempt made at <paramref name="now"/> ended with <paramref name="outcome"/>.</summary>
    public ReplyDelivery After(SendOutcome outcome, DateTimeOffset now, ReplyOptions options)
    {
        if (State != MessageDelivery.Queued)
        {
            throw new InvalidOperationException($"A {State} reply is not attempted again.");
        }

        var attempts = Attempts + 1;
        if (outcome.Sent)
        {
            return this with { State = MessageDelivery.Sent, Attempts = attempts, Reason = null, PlatformMessageId = outcome.PlatformMessageId, SentAt = now };
        }

        var reason = string.IsNullOrWhiteSpace(outcome.FailureReason) ? "the sender gave no reason" : outcome.FailureReason;
        if (!outcome.Retryable)
        {
            return this with { State = MessageDelivery.Failed, Attempts = attempts, Reason = reason };
        }

        return attempts >= options.Attempts
            ? this with { State = MessageDelivery.Failed, Attempts = attempts, Reason = $"{reason} (gave up after {attempts} attempts)" }
            : this with { Attempts = attempts, Reason = reason, NextAttemptAt = now + options.RetryDelay(attempts) };
    }

    public MessageDelivery View(Guid messageId, Guid channelId) =>
        new(messageId, channelId, State, Attempts, Reason, State == MessageDelivery.Queued ? NextAttemptAt : null, SentAt, PlatformMessageId);
}
