namespace TicketGrains.Grains.Webhooks;

/// <summary>What becomes of a delivery after an attempt.</summary>
public enum DeliveryState
{
    /// <summary>Waiting for its next attempt.</summary>
    Pending,

    /// <summary>The endpoint answered 2xx.</summary>
    Delivered,

    /// <summary>Every attempt of the schedule failed.</summary>
    Failed,

    /// <summary>The endpoint answered 410 Gone: the subscription is disabled and nothing more is sent.</summary>
    Gone,
}

/// <summary>The delivery's new state and, while pending, when to try again.</summary>
public sealed record DeliveryDecision(DeliveryState State, DateTimeOffset? NextAttemptAt);
