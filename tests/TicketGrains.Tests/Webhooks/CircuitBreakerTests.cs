using Microsoft.Extensions.Time.Testing;
using TicketGrains.Grains.Webhooks;
using Xunit;

namespace TicketGrains.Tests.Webhooks;

public sealed class CircuitBreakerTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 6, 18, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void The_circuit_opens_after_the_failures_in_a_row_and_lets_one_trial_through_after_its_time()
    {
        var breaker = new CircuitBreaker(3, TimeSpan.FromMinutes(1));
        breaker.Record(false, _time.GetUtcNow());
        breaker.Record(false, _time.GetUtcNow());
        Assert.True(breaker.Allows(_time.GetUtcNow()));

        breaker.Record(false, _time.GetUtcNow());
        Assert.False(breaker.Allows(_time.GetUtcNow()));
        _time.Advance(TimeSpan.FromSeconds(59));
        Assert.False(breaker.Allows(_time.GetUtcNow()));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(breaker.Allows(_time.GetUtcNow()));

        // The trial fails: open again for a full period.
        breaker.Record(false, _time.GetUtcNow());
        Assert.Equal(_time.GetUtcNow().AddMinutes(1), breaker.OpenUntil);
    }

    [Fact]
    public void A_success_closes_the_circuit_and_starts_the_count_again()
    {
        var breaker = new CircuitBreaker(2, TimeSpan.FromMinutes(1));
        breaker.Record(false, _time.GetUtcNow());
        breaker.Record(false, _time.GetUtcNow());
        _time.Advance(TimeSpan.FromMinutes(1));
        breaker.Record(true, _time.GetUtcNow());

        Assert.Null(breaker.OpenUntil);
        breaker.Record(false, _time.GetUtcNow());
        Assert.True(breaker.Allows(_time.GetUtcNow()));
    }
}
