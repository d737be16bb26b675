using Microsoft.Extensions.Options;

namespace TicketGrains.Grains.Webhooks;

/// <summary>
/// The time the retry schedule and circuit breaker run on: the process's clock, or with
/// <see cref="WebhookOptions.ClockRate"/> above 1 a clock that runs that many times faster from the moment the
/// process started (for tests that keep an endpoint down for minutes of schedule without waiting minutes).
/// </summary>
public sealed class WebhookClock(TimeProvider time, IOptions<WebhookOptions> options)
{
    private readonly DateTimeOffset _start = time.GetUtcNow();
    private readonly long _startTicks = time.GetTimestamp();

    public DateTimeOffset Now => options.Value.ClockRate == 1
        ? time.GetUtcNow()
        : _start + time.GetElapsedTime(_startTicks) * options.Value.ClockRate;
}
