using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TicketGrains.Grains.EventLog;
using TicketGrains.Grains.OrderEvents;
using TicketGrains.Grains.Pipeline;
using TicketGrains.Grains.Surges;
using Xunit;

namespace TicketGrains.Tests.Surges;

/// <summary>The surge subscriber reads a page per <see cref="SurgeOptions.PageInterval"/>, a bounded setting.</summary>
public sealed class SurgePacingTests
{
    private static IEventSubscriber RegisteredSubscriber(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton(TimeProvider.System)
            .AddSingleton(NpgsqlDataSource.Create("Host=unused"))
            .AddSingleton<IEventLog>(new InMemoryEventLog(new InMemoryOrderTicketIndex()))
            .AddSurgeDetection(configuration)
            .BuildServiceProvider();
        return Assert.Single(services.GetServices<IEventSubscriber>());
    }

    [Fact]
    public void The_surge_subscriber_pages_once_a_second_by_default()
    {
        var subscriber = RegisteredSubscriber([]);
        Assert.Equal(SurgeSubscriber.SubscriberName, subscriber.Name);
        Assert.Equal(TimeSpan.FromSeconds(1), subscriber.GatherInterval);
    }

    [Fact]
    public void Its_page_interval_is_read_from_the_surges_section() =>
        Assert.Equal(TimeSpan.FromMilliseconds(250), RegisteredSubscriber(new() { ["Surges:PageInterval"] = "00:00:00.250" }).GatherInterval);

    [Theory]
    [InlineData(-1)]
    [InlineData(10_001)]
    public void A_page_interval_outside_zero_to_ten_seconds_fails_the_start_naming_its_key(int milliseconds) =>
        Assert.Equal(
            [$"Surges:PageInterval must be between 00:00:00 and 00:00:10, not {TimeSpan.FromMilliseconds(milliseconds)}."],
            new SurgeOptions { PageInterval = TimeSpan.FromMilliseconds(milliseconds) }.Problems("Surges"));
}
