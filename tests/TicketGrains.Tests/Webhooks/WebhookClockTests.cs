using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TicketGrains.Grains.Webhooks;
using Xunit;

namespace TicketGrains.Tests.Webhooks;

public sealed class WebhookClockTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 11, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void At_rate_one_the_clock_is_the_process_clock()
    {
        var clock = new WebhookClock(_time, Options.Create(new WebhookOptions()));
        _time.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(_time.GetUtcNow(), clock.Now);
    }

    [Fact]
    public void A_faster_clock_runs_that_many_times_faster_from_its_start()
    {
        var start = _time.GetUtcNow();
        var clock = new WebhookClock(_time, Options.Create(new WebhookOptions { ClockRate = 300 }));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(start.AddMinutes(5), clock.Now);
    }
}
