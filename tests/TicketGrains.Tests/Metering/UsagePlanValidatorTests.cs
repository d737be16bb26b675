using TicketGrains.Api.Metering;
using TicketGrains.Api.Tickets;
using TicketGrains.Grains.Metering;
using Xunit;

namespace TicketGrains.Tests.Metering;

public sealed class UsagePlanValidatorTests
{
    private static readonly DateTimeOffset Eve = new(2026, 11, 10, 16, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_valid_plan_keeps_its_quotas_and_bursts()
    {
        var errors = new FieldErrors();

        var plan = UsagePlanValidator.Validate(new UsagePlanRequest("growth",
            new() { ["tickets.perDay"] = new(800, 1000), ["storageBytes.perDay"] = new(1_000_000, null) },
            [new(Eve, Eve.AddDays(1), 200)]), errors);

        Assert.False(errors.Any);
        Assert.Equal(new QuotaLimit(800, 1000), plan.Quotas["tickets.perDay"]);
        Assert.Equal([new BurstCredit(Eve, Eve.AddDays(1), 200)], plan.Bursts);
    }

    [Theory]
    [InlineData("tickets.perWeek", 1L, 2L, "quotas.tickets.perWeek")]
    [InlineData("seats.perDay", 1L, 2L, "quotas.seats.perDay")]
    [InlineData("tickets.perDay", null, null, "quotas.tickets.perDay")]
    [InlineData("tickets.perDay", 5L, 2L, "quotas.tickets.perDay.soft")]
    [InlineData("tickets.perDay", null, -1L, "quotas.tickets.perDay.hard")]
    [InlineData("automationRuns.perHour", null, 10L, "quotas.automationRuns.perHour.hard")]
    public void A_bad_quota_is_named_by_its_path(string key, long? soft, long? hard, string field)
    {
        var errors = new FieldErrors();

        UsagePlanValidator.Validate(new UsagePlanRequest("p", new() { [key] = new(soft, hard) }, null), errors);

        Assert.Equal([field], errors.ToDictionary().Keys);
    }

    [Fact]
    public void A_bad_burst_is_named_by_its_index()
    {
        var errors = new FieldErrors();

        UsagePlanValidator.Validate(new UsagePlanRequest("p", null, [new(Eve, Eve.AddDays(1), 50), new(Eve, Eve, 50), new(Eve, Eve.AddDays(1), 0)]), errors);

        Assert.Equal(["bursts[1].to", "bursts[2].extraPercent"], errors.ToDictionary().Keys.Order());
    }

    [Fact]
    public void A_plan_needs_a_name()
    {
        var errors = new FieldErrors();

        UsagePlanValidator.Validate(new UsagePlanRequest(null, null, null), errors);

        Assert.Equal(["name"], errors.ToDictionary().Keys);
    }

    [Theory]
    [InlineData("ring\u0007")]
    [InlineData("nul\u0000")]
    [InlineData("invoice\u202Egpj.exe")]
    [InlineData("x\uFFFF")]
    public void A_plan_name_with_control_or_deceptive_characters_is_refused(string name)
    {
        var errors = new FieldErrors();

        UsagePlanValidator.Validate(new UsagePlanRequest(name, null, null), errors);

        Assert.Equal(["name"], errors.ToDictionary().Keys);
    }
}
