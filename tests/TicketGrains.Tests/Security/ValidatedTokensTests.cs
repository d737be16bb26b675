using System.Security.Claims;
using Microsoft.Extensions.Time.Testing;
using TicketGrains.Api.Security;
using Xunit;

namespace TicketGrains.Tests.Security;

public sealed class ValidatedTokensTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 11, 0, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Now);
    private readonly ValidatedTokens _tokens;

    public ValidatedTokensTests() => _tokens = new ValidatedTokens(_time);

    private static ClaimsPrincipal Caller(string subject) =>
        CallerPrincipal.Create("shop-a", subject, ["agent"], [Permissions.TicketsRead], "Bearer")!;

    [Fact]
    public void A_kept_token_is_found_until_it_expires_and_not_at_or_after_its_expiry()
    {
        _tokens.Keep("token-1", Caller("alice"), Now.AddMinutes(5));

        _time.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromTicks(1));
        Assert.Equal("alice", _tokens.Find("token-1")?.FindFirst(Claims.Subject)?.Value);

        _time.Advance(TimeSpan.FromTicks(1));
        Assert.Null(_tokens.Find("token-1"));
        Assert.Equal(0, _tokens.Count);
    }

    [Fact]
    public void Each_caller_gets_its_own_copy_so_a_change_to_one_request_s_principal_reaches_no_other()
    {
        _tokens.Keep("token-1", Caller("alice"), Now.AddMinutes(5));

        var first = _tokens.Find("token-1")!;
        ((ClaimsIdentity)first.Identity!).AddClaim(new Claim(Claims.Permission, Permissions.PiiErase));

        Assert.False(_tokens.Find("token-1")!.HasClaim(Claims.Permission, Permissions.PiiErase));
    }

    [Fact]
    public void An_unknown_token_or_one_already_expired_when_kept_is_not_found()
    {
        _tokens.Keep("token-old", Caller("bob"), Now);

        Assert.Null(_tokens.Find("token-old"));
        Assert.Null(_tokens.Find("token-never-seen"));
    }

    [Fact]
    public void At_capacity_the_expired_go_first_and_the_cache_starts_over_only_when_all_are_live()
    {
        for (var i = 0; i < ValidatedTokens.Capacity - 1; i++)
        {
            _tokens.Keep($"live-{i}", Caller("carol"), Now.AddHours(1));
        }

        _tokens.Keep("short", Caller("dave"), Now.AddSeconds(1));
        _time.Advance(TimeSpan.FromSeconds(2));
        _tokens.Keep("new", Caller("erin"), Now.AddHours(1));
        Assert.Equal(ValidatedTokens.Capacity, _tokens.Count);
        Assert.NotNull(_tokens.Find("live-0"));

        _tokens.Keep("one-too-many", Caller("frank"), Now.AddHours(1));
        Assert.Equal(1, _tokens.Count);
        Assert.NotNull(_tokens.Find("one-too-many"));
    }
}
