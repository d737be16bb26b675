using TicketGrains.Api.Channels.Web;
using Xunit;

namespace TicketGrains.Tests.Channels.Web;

public sealed class WebOriginsTests
{
    [Theory]
    [InlineData("https://shop.example", true)]
    [InlineData("https://WWW.Shop.Example", true)]
    [InlineData("https://shop.example:443", true)]
    [InlineData("http://shop.example", false)]
    [InlineData("https://shop.example:8443", false)]
    [InlineData("https://evil.example", false)]
    [InlineData("https://shop.example.evil.example", false)]
    [InlineData("https://shop.example/page", false)]
    [InlineData("null", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_an_allowed_origin_may_use_the_channel(string? origin, bool allowed)
    {
        Assert.Equal(allowed, WebOrigins.IsAllowed(origin, WebRequests.AllowedOrigins, "desk.example"));
    }

    [Fact]
    public void The_products_own_pages_are_allowed_by_their_host()
    {
        Assert.True(WebOrigins.IsAllowed("http://127.0.0.1:5080", WebRequests.AllowedOrigins, "127.0.0.1:5080"));
        Assert.False(WebOrigins.IsAllowed("http://127.0.0.1:5081", WebRequests.AllowedOrigins, "127.0.0.1:5080"));
    }

    [Fact]
    public void The_setting_lists_origins_apart_by_spaces_or_commas_and_drops_what_is_no_origin()
    {
        Assert.Equal(["https://a.example", "http://b.example:8080", "https://c.example"],
            WebOrigins.Parse(" https://a.example/, http://B.example:8080 https://c.example:443\nftp://d.example https://e.example/path"));
    }
}
