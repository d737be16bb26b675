using TicketGrains.Api.Security;
using Xunit;

namespace TicketGrains.Tests.Security;

public sealed class AuthorityAddressTests
{
    [Theory]
    [InlineData("idp.shop.example", true, "Auth:Authority")]
    [InlineData("https://idp.shop.example/?tenant=1", true, "Auth:Authority")]
    [InlineData("http://idp.shop.example", true, "Auth:Authority must be https")]
    [InlineData("http://idp.shop.example", false, "Auth:RequireHttpsMetadata=false")]
    [InlineData("https://idp.shop.example", false, "Auth:RequireHttpsMetadata=false")]
    [InlineData("http://127.0.0.1:9000", true, "Auth:Authority must be https")]
    public void A_wrong_authority_stops_the_start_naming_the_setting(string authority, bool requireHttps, string named)
    {
        var refused = Assert.Throws<InvalidOperationException>(() =>
            AuthorityAddress.From(new AuthOptions { Authority = authority, RequireHttpsMetadata = requireHttps }));

        Assert.Contains(named, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refresh_intervals_must_be_ordered()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => AuthorityAddress.From(new AuthOptions
        {
            Authority = "https://idp.shop.example", AuthorityRefreshInterval = TimeSpan.FromSeconds(10), AuthorityMinRefreshInterval = TimeSpan.FromMinutes(1),
        }));

        Assert.Contains("Auth:AuthorityMinRefreshInterval", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://idp.shop.example/realms/shop", true)]
    [InlineData("http://127.0.0.1:9000/", false)]
    [InlineData("http://localhost:9000", false)]
    public void The_discovery_document_is_found_under_the_issuer(string authority, bool requireHttps)
    {
        var address = AuthorityAddress.From(new AuthOptions { Authority = authority, RequireHttpsMetadata = requireHttps })!;

        Assert.Equal(authority.TrimEnd('/') + "/.well-known/openid-configuration", address.MetadataAddress);
        Assert.True(address.IsIssuer(authority.TrimEnd('/') + "/"));
        Assert.False(address.IsIssuer(authority.TrimEnd('/') + "/other"));
    }

    [Fact]
    public void No_authority_means_no_identity_provider() => Assert.Null(AuthorityAddress.From(new AuthOptions()));
}
