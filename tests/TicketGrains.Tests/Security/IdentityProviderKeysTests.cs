using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TicketGrains.Api.Security;
using Xunit;

namespace TicketGrains.Tests.Security;

public sealed class IdentityProviderKeysTests
{
    private const string Issuer = "https://idp.shop.example";
    private static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromHours(1);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 11, 0, 0, 0, TimeSpan.Zero));
    private readonly FakeProviderDocuments _documents = new(Issuer);
    private readonly IdentityProviderKeys _keys;

    public IdentityProviderKeysTests()
    {
        var options = new AuthOptions { Authority = Issuer + "/", AuthorityMinRefreshInterval = MinInterval, AuthorityRefreshInterval = RefreshInterval };
        _keys = new IdentityProviderKeys(AuthorityAddress.From(options)!, _documents, options, _time, NullLogger<IdentityProviderKeys>.Instance);
        _documents.Publish("a");
    }

    [Fact]
    public async Task The_first_token_fetches_the_keys_and_later_ones_reuse_them()
    {
        await _keys.PrepareAsync("a");
        _time.Advance(RefreshInterval - TimeSpan.FromSeconds(1));
        await _keys.PrepareAsync("a");

        Assert.Equal((1, Issuer, true), (_documents.JwksFetches, _keys.Current!.Issuer, _keys.Current.Has("a")));
    }

    [Fact]
    public async Task An_unknown_key_id_fetches_at_once_but_at_most_once_per_min_interval()
    {
        await _keys.PrepareAsync("a");
        _documents.Publish("b");
        _documents.Publish("c");

        _time.Advance(TimeSpan.FromSeconds(1));
        await _keys.PrepareAsync("b");
        var afterRotation = (_documents.JwksFetches, _keys.Current!.Has("b"));
        _documents.Publish("d");
        _time.Advance(MinInterval - TimeSpan.FromSeconds(1));
        await _keys.PrepareAsync("made-up");
        await _keys.PrepareAsync("d");
        var withinInterval = (_documents.JwksFetches, _keys.Current.Has("d"));
        _time.Advance(TimeSpan.FromSeconds(1));
        await _keys.PrepareAsync("d");

        Assert.Equal((2, true), afterRotation);
        Assert.Equal((2, false), withinInterval);
        Assert.Equal((3, true), (_documents.JwksFetches, _keys.Current.Has("d")));
    }

    [Fact]
    public async Task Keys_older_than_the_refresh_interval_are_fetched_again_and_removed_ones_are_dropped()
    {
        _documents.Publish("b");
        await _keys.PrepareAsync("a");
        _documents.Remove("a");

        _time.Advance(RefreshInterval);
        await _keys.PrepareAsync("b");

        Assert.Equal((2, false, true), (_documents.JwksFetches, _keys.Current!.Has("a"), _keys.Current.Has("b")));
    }

    [Fact]
    public async Task An_unreachable_provider_leaves_the_keys_fetched_before_and_is_asked_again_only_after_the_min_interval()
    {
        await _keys.PrepareAsync("a");
        _documents.Down = true;

        _time.Advance(RefreshInterval);
        await _keys.PrepareAsync("a");
        _time.Advance(MinInterval - TimeSpan.FromSeconds(1));
        await _keys.PrepareAsync("a");
        var requestsWhileDown = _documents.DiscoveryRequests;
        _documents.Down = false;
        _time.Advance(TimeSpan.FromSeconds(1));
        await _keys.PrepareAsync("a");

        Assert.Equal(1, requestsWhileDown);
        Assert.True(_keys.Current!.Has("a"));
        Assert.Equal((2, 2), (_documents.DiscoveryRequests, _documents.JwksFetches));
    }

    [Fact]
    public async Task A_discovery_document_naming_another_issuer_is_not_used()
    {
        _documents.DocumentIssuer = "https://idp.elsewhere.example";

        await _keys.PrepareAsync("a");

        Assert.Null(_keys.Current);
    }

    [Fact]
    public async Task Only_tokens_naming_the_provider_as_issuer_make_it_fetch()
    {
        await _keys.PrepareForAsync(Token("https://idp.elsewhere.example"));
        await _keys.PrepareForAsync("not.a.jwt");
        var fetchesForOthers = _documents.DiscoveryRequests;
        await _keys.PrepareForAsync(Token(Issuer + "/"));

        Assert.Equal((0, 1), (fetchesForOthers, _documents.DiscoveryRequests));
    }

    [Fact]
    public async Task A_token_without_a_key_id_does_not_spend_the_unknown_key_fetch()
    {
        await _keys.PrepareForAsync(Token(Issuer));
        await _keys.PrepareForAsync(Token(Issuer, keyId: null));
        _documents.Publish("b");
        await _keys.PrepareForAsync(Token(Issuer, keyId: "b"));

        Assert.Equal((2, true), (_documents.JwksFetches, _keys.Current!.Has("b")));
    }

    private static string Token(string issuer, string? keyId = "a") => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = issuer,
        Audience = "ticketgrains-api",
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(new byte[32]) { KeyId = keyId }, SecurityAlgorithms.HmacSha256),
    });
}
