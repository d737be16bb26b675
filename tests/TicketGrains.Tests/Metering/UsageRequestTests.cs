using TicketGrains.Api.Metering;
using TicketGrains.Api.Tickets;
using Xunit;

namespace TicketGrains.Tests.Metering;

public sealed class UsageRequestTests
{
    [Fact]
    public void Instants_with_a_zone_are_read_as_utc_and_hour_is_the_default()
    {
        var errors = new FieldErrors();

        var request = UsageRequest.Parse(errors, "2026-11-11T08:00:00+08:00", "2026-11-12T00:00:00Z", null);

        Assert.False(errors.Any);
        Assert.Equal(new UsageRequest(new(2026, 11, 11, 0, 0, 0, TimeSpan.Zero), new(2026, 11, 12, 0, 0, 0, TimeSpan.Zero), "hour"), request);
    }

    [Theory]
    [InlineData(null, "2026-11-12T00:00:00Z", "day", "from")]
    [InlineData("2026-11-11", "2026-11-12T00:00:00Z", "day", "from")]
    [InlineData("2026-11-11T00:00:00", "2026-11-12T00:00:00Z", "day", "from")]
    [InlineData("2026-11-11T00:00:00Z", "yesterday", "day", "to")]
    [InlineData("2026-11-12T00:00:00Z", "2026-11-12T00:00:00Z", "day", "to")]
    [InlineData("2026-11-11T00:00:00Z", "2026-12-13T00:00:00Z", "hour", "to")]
    [InlineData("2026-11-11T00:00:00Z", "2027-11-13T00:00:00Z", "day", "to")]
    [InlineData("2026-11-11T00:00:00Z", "2026-11-12T00:00:00Z", "week", "granularity")]
    public void A_bad_request_names_the_field(string? from, string? to, string granularity, string field)
    {
        var errors = new FieldErrors();

        UsageRequest.Parse(errors, from, to, granularity);

        Assert.Equal([field], errors.ToDictionary().Keys);
    }

    [Fact]
    public void The_csv_has_the_json_names_and_one_row_per_period()
    {
        var start = new DateTimeOffset(2026, 11, 11, 0, 0, 0, TimeSpan.Zero);
        var report = new UsageReport(start, start.AddDays(1), "day", [new UsageReport.Item(start, start.AddDays(1), 120, 340, 7, 15, 44, 1_048_576)]);

        Assert.Equal(
            "start,end,tickets,messages,activeSeats,automationRuns,webhookDeliveries,storageBytes\r\n" +
            "2026-11-11T00:00:00Z,2026-11-12T00:00:00Z,120,340,7,15,44,1048576\r\n",
            UsageCsvResult.Render(report));
    }
}
