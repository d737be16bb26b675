using Microsoft.Extensions.Time.Testing;
using TicketGrains.Api.Channels.Douyin;
using Xunit;

namespace TicketGrains.Tests.Channels.Douyin;

public sealed class DouyinTokenCacheTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 12, 3, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_token_is_found_until_the_renewal_margin_before_it_expires()
    {
        var cache = new DouyinTokenCache(_time);
        cache.Keep("app", "clt.1", TimeSpan.FromHours(2));

        _time.Advance(TimeSpan.FromHours(2) - DouyinTokenCache.RenewBefore - TimeSpan.FromTicks(1));
        Assert.Equal("clt.1", cache.Find("app"));
        _time.Advance(TimeSpan.FromTicks(1));
        Assert.Null(cache.Find("app"));
    }

    [Fact]
    public void A_short_lived_token_is_used_for_half_its_life()
    {
        var cache = new DouyinTokenCache(_time);
        cache.Keep("app", "clt.1", TimeSpan.FromMinutes(6));

        _time.Advance(TimeSpan.FromMinutes(3) - TimeSpan.FromTicks(1));
        Assert.Equal("clt.1", cache.Find("app"));
        _time.Advance(TimeSpan.FromTicks(1));
        Assert.Null(cache.Find("app"));
    }

    [Fact]
    public void Forgetting_a_refused_token_keeps_a_newer_one_another_send_fetched()
    {
        var cache = new DouyinTokenCache(_time);
        cache.Keep("app", "clt.1", TimeSpan.FromHours(2));
        cache.Keep("app", "clt.2", TimeSpan.FromHours(2));

        cache.Forget("app", "clt.1");
        Assert.Equal("clt.2", cache.Find("app"));
        cache.Forget("app", "clt.2");
        Assert.Null(cache.Find("app"));
    }

    [Fact]
    public void Apps_have_their_own_tokens()
    {
        var cache = new DouyinTokenCache(_time);
        cache.Keep("app-a", "clt.a", TimeSpan.FromHours(2));

        Assert.Null(cache.Find("app-b"));
    }
}
