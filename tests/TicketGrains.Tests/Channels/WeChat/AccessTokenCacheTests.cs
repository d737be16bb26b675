using Microsoft.Extensions.Time.Testing;
using TicketGrains.Api.Channels.WeChat;
using Xunit;

namespace TicketGrains.Tests.Channels.WeChat;

public sealed class AccessTokenCacheTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-12-03T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly AccessTokenCache _cache;
    private int _fetches;

    public AccessTokenCacheTests() => _cache = new AccessTokenCache(_time);

    private Task<string> Get(string account = "acct", int lifetimeSeconds = 7200) =>
        _cache.GetAsync(account, _ => Task.FromResult(new IssuedToken($"token-{++_fetches}", TimeSpan.FromSeconds(lifetimeSeconds))), CancellationToken.None);

    [Fact]
    public async Task A_token_is_kept_until_five_minutes_before_it_expires()
    {
        Assert.Equal("token-1", await Get());
        _time.Advance(TimeSpan.FromSeconds(7200 - 300 - 1));
        Assert.Equal("token-1", await Get());
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("token-2", await Get());
    }

    [Fact]
    public async Task A_short_lived_token_is_renewed_at_half_its_lifetime()
    {
        Assert.Equal("token-1", await Get(lifetimeSeconds: 120));
        _time.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal("token-1", await Get(lifetimeSeconds: 120));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("token-2", await Get(lifetimeSeconds: 120));
    }

    [Fact]
    public async Task A_refused_token_is_fetched_again_but_not_a_newer_one_invalidated_by_an_older_refusal()
    {
        Assert.Equal("token-1", await Get());
        _cache.Invalidate("acct", "token-1");
        Assert.Equal("token-2", await Get());
        _cache.Invalidate("acct", "token-1");
        Assert.Equal("token-2", await Get());
    }

    [Fact]
    public async Task Accounts_have_their_own_tokens()
    {
        Assert.Equal(("token-1", "token-2", "token-1"), (await Get("a"), await Get("b"), await Get("a")));
    }

    [Fact]
    public async Task Callers_waiting_together_share_one_fetch()
    {
        var release = new TaskCompletionSource<IssuedToken>();
        var first = _cache.GetAsync("acct", _ => { _fetches++; return release.Task; }, CancellationToken.None);
        var second = _cache.GetAsync("acct", _ => { _fetches++; return release.Task; }, CancellationToken.None);
        release.SetResult(new IssuedToken("shared", TimeSpan.FromHours(2)));

        Assert.Equal(("shared", "shared", 1), (await first, await second, _fetches));
    }
}
