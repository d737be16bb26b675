using Microsoft.Extensions.Options;
using Npgsql;
using TicketGrains.Grains.Metering;
using Xunit;

namespace TicketGrains.Tests.Metering;

/// <summary>The meter reads a page per <see cref="MeteringOptions.PageInterval"/>, a bounded setting.</summary>
public sealed class MeterPacingTests
{
    [Fact]
    public void The_meter_gathers_for_its_page_interval()
    {
        using var database = NpgsqlDataSource.Create("Host=unused");
        var meter = new MeterSubscriber(new UsageStore(database), Options.Create(new MeteringOptions { PageInterval = TimeSpan.FromMilliseconds(700) }));

        Assert.Equal(TimeSpan.FromMilliseconds(700), meter.GatherInterval);
        Assert.Equal(TimeSpan.FromSeconds(1), new MeteringOptions().PageInterval);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(10_001)]
    public void A_page_interval_outside_zero_to_ten_seconds_fails_the_start_naming_its_key(int milliseconds) =>
        Assert.Equal(
            [$"Metering:PageInterval must be between 00:00:00 and 00:00:10, not {TimeSpan.FromMilliseconds(milliseconds)}."],
            new MeteringOptions { PageInterval = TimeSpan.FromMilliseconds(milliseconds) }.Problems("Metering"));
}
