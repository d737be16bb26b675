using TicketGrains.Api.Channels.Web;
using Xunit;

namespace TicketGrains.Tests.Channels.Web;

public sealed class WebVisitorTokenTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 11, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_token_made_with_the_channel_secret_names_its_visitor_until_it_expires()
    {
        var token = WebRequests.Token(WebRequests.Visitor, Now.AddHours(1));

        Assert.Equal(new VisitorTokenCheck(VisitorTokenState.Valid, WebRequests.Visitor, Now.AddHours(1)), WebVisitorToken.Check(WebRequests.Secret, token, Now));
        Assert.Equal(new VisitorTokenCheck(VisitorTokenState.Expired, WebRequests.Visitor, Now.AddHours(1)),
            WebVisitorToken.Check(WebRequests.Secret, token, Now.AddHours(1)));
    }

    [Fact]
    public void The_server_issues_what_the_documented_format_says()
    {
        Assert.Equal(WebRequests.Token(WebRequests.Visitor, Now), WebVisitorToken.Issue(WebRequests.Secret, WebRequests.Visitor, Now));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("wv_AAECAwQFBgcICQoLDA0ODw.1793001600")]
    [InlineData("wv_AAECAwQFBgcICQoLDA0ODw.99999999999999999999.00")]
    public void Anything_but_a_token_is_forged(string? token)
    {
        Assert.Equal(VisitorTokenState.Forged, WebVisitorToken.Check(WebRequests.Secret, token, Now).State);
    }

    [Fact]
    public void A_token_of_another_secret_another_visitor_or_a_later_expiry_is_forged()
    {
        var token = WebRequests.Token(WebRequests.Visitor, Now.AddHours(1));
        var parts = token.Split('.');

        Assert.Equal(VisitorTokenState.Forged, WebVisitorToken.Check("another-secret", token, Now).State);
        Assert.Equal(VisitorTokenState.Forged, WebVisitorToken.Check(WebRequests.Secret, $"{WebRequests.OtherVisitor}.{parts[1]}.{parts[2]}", Now).State);
        Assert.Equal(VisitorTokenState.Forged, WebVisitorToken.Check(WebRequests.Secret, $"{parts[0]}.{long.Parse(parts[1]) + 86400}.{parts[2]}", Now).State);
    }

    [Fact]
    public void New_visitor_ids_are_random_and_recognised()
    {
        var (a, b) = (WebVisitorToken.NewVisitorId(), WebVisitorToken.NewVisitorId());

        Assert.NotEqual(a, b);
        Assert.True(WebVisitorToken.IsVisitorId(a));
        Assert.True(WebVisitorToken.IsVisitorId(WebRequests.OtherVisitor));
        Assert.False(WebVisitorToken.IsVisitorId("alice@example.com"));
        Assert.False(WebVisitorToken.IsVisitorId("wv_AAECAwQFBgcICQoLDA0OD."));
    }
}
