using System.Net;
using Microsoft.Extensions.Options;
using TicketGrains.Api.Channels.Web;
using Xunit;

namespace TicketGrains.Tests.Channels.Web;

public sealed class WebRequestLimiterTests
{
    private static readonly Guid Channel = Guid.Parse("0190f0a4-7b1e-7c3d-9a55-00000000000a");

    [Fact]
    public void One_address_gets_its_requests_per_window_on_one_channel_and_others_are_not_counted_with_it()
    {
        using var limiter = new WebRequestLimiter(Options.Create(new WebChannelOptions { RequestsPerAddress = 3, Window = TimeSpan.FromHours(1) }));
        var visitor = IPAddress.Parse("203.0.113.7");

        var first = Enumerable.Range(0, 3).Select(i => limiter.TryAcquire(Channel, visitor, out _)).ToList();
        var fourth = limiter.TryAcquire(Channel, visitor, out var retryAfter);

        Assert.Equal([true, true, true], first);
        Assert.False(fourth);
        Assert.InRange(retryAfter, TimeSpan.FromMinutes(59), TimeSpan.FromHours(1));
        Assert.True(limiter.TryAcquire(Channel, IPAddress.Parse("203.0.113.8"), out _));
        Assert.True(limiter.TryAcquire(Guid.NewGuid(), visitor, out _));
    }

    [Fact]
    public void Settings_out_of_range_are_named()
    {
        Assert.Equal(["Channels:Web:RequestsPerAddress must be between 1 and 1000000, not 0.", "Channels:Web:Window must be between 00:00:01 and 01:00:00, not 00:00:00."],
            new WebChannelOptions { RequestsPerAddress = 0, Window = TimeSpan.Zero }.Problems(WebChannelOptions.Section));
    }
}
