using TicketGrains.Api.Channels.Weibo;
using Xunit;

namespace TicketGrains.Tests.Channels.Weibo;

public sealed class WeiboTimeTests
{
    [Theory]
    [InlineData("Mon Jul 16 18:09:20 +0800 2012", 2012, 7, 16, 10, 9, 20)]
    [InlineData("Wed Dec 03 16:00:00 +0800 2025", 2025, 12, 3, 8, 0, 0)]
    [InlineData("Tue Jan 6 01:02:03 -0500 2026", 2026, 1, 6, 6, 2, 3)]
    public void Weibo_dates_with_an_offset_without_colon_are_read(string text, int year, int month, int day, int hour, int minute, int second)
    {
        Assert.True(WeiboTime.TryParse(text, out var at));
        Assert.Equal(new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero), at.ToUniversalTime());
    }

    [Theory]
    [InlineData("2025-12-03T08:00:00Z")]
    [InlineData("Wed Dec 03 16:00:00 2025")]
    [InlineData("")]
    public void Other_texts_are_not_weibo_dates(string text) => Assert.False(WeiboTime.TryParse(text, out _));
}
