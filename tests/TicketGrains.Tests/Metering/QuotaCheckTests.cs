using TicketGrains.Grains.Metering;
using Xunit;

namespace TicketGrains.Tests.Metering;

public sealed class QuotaCheckTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 10, 15, 20, 0, TimeSpan.Zero);

    private static UsagePlan Plan(long? soft, long? hard, params BurstCredit[] bursts) =>
        new("growth", new Dictionary<string, QuotaLimit> { ["tickets.perDay"] = new(soft, hard) }, bursts);

    private static Func<string, string, long> Used(long tickets) => (measure, period) => measure == "tickets" && period == "perDay" ? tickets : 0;

    [Fact]
    public void Below_both_limits_nothing_is_reached()
    {
        Assert.Empty(QuotaCheck.Evaluate(Plan(80, 100), Used(79), Now));
    }

    [Fact]
    public void Reaching_the_soft_limit_warns_and_reaching_the_hard_one_refuses_until_the_utc_day_ends()
    {
        var day = new DateTimeOffset(2026, 11, 10, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal([new QuotaCrossing("tickets.perDay", "tickets", 80, 80, false, day, day.AddDays(1))], QuotaCheck.Evaluate(Plan(80, 100), Used(80), Now));
        Assert.Equal(
            [new QuotaCrossing("tickets.perDay", "tickets", 100, 100, true, day, day.AddDays(1)), new QuotaCrossing("tickets.perDay", "tickets", 100, 80, false, day, day.AddDays(1))],
            QuotaCheck.Evaluate(Plan(80, 100), Used(100), Now));
    }

    [Fact]
    public void An_hourly_quota_ends_with_the_hour()
    {
        var plan = new UsagePlan("p", new Dictionary<string, QuotaLimit> { ["messages.perHour"] = new(null, 5) }, []);

        var crossing = Assert.Single(QuotaCheck.Evaluate(plan, (m, p) => m == "messages" && p == "perHour" ? 5 : 0, Now));

        Assert.Equal(new DateTimeOffset(2026, 11, 10, 16, 0, 0, TimeSpan.Zero), crossing.PeriodEnd);
    }

    [Fact]
    public void A_burst_window_holding_the_period_start_raises_the_limits()
    {
        var double11 = new BurstCredit(new(2026, 11, 10, 16, 0, 0, TimeSpan.Zero), new(2026, 11, 11, 16, 0, 0, TimeSpan.Zero), 200);
        var plan = Plan(80, 100, double11);

        Assert.Empty(QuotaCheck.Evaluate(plan, Used(239), new DateTimeOffset(2026, 11, 11, 3, 0, 0, TimeSpan.Zero)));
        Assert.Equal([300L, 240L], QuotaCheck.Evaluate(plan, Used(300), new DateTimeOffset(2026, 11, 11, 3, 0, 0, TimeSpan.Zero)).Select(c => c.Limit));
        Assert.Equal([100L, 80L], QuotaCheck.Evaluate(plan, Used(100), Now).Select(c => c.Limit));
    }

    [Fact]
    public void The_default_plan_has_no_limits()
    {
        Assert.Empty(QuotaCheck.Evaluate(UsagePlan.Default, (_, _) => long.MaxValue, Now));
    }
}
