using TicketGrains.Api.Channels.Inbound;
using TicketGrains.Api.Channels.Web;
using Xunit;

namespace TicketGrains.Tests.Channels.Web;

public sealed class WebRequestChecksTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 11, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("GET", null, true)]
    [InlineData("POST", null, false)]
    [InlineData("GET", "https://evil.example", false)]
    [InlineData("GET", "https://www.shop.example", true)]
    [InlineData("POST", "https://desk.example", true)]
    public void Only_allowed_pages_pass_and_a_same_origin_get_carries_no_origin(string method, string? origin, bool passes)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Host"] = "desk.example" };
        if (origin is not null)
        {
            headers["Origin"] = origin;
        }

        var request = new InboundRequest(method, new Dictionary<string, string>(), headers, [], Now);

        Assert.Equal(passes, WebRequestChecks.Origin(request, WebRequests.Settings) is null);
    }

    [Fact]
    public void The_token_names_the_visitor()
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [WebRequestChecks.TokenHeader] = WebRequests.Token(WebRequests.OtherVisitor, Now.AddMinutes(1)),
        };

        Assert.Equal((WebRequests.OtherVisitor, null), WebRequestChecks.Visitor(new InboundRequest("GET", new Dictionary<string, string>(), headers, [], Now), WebRequests.Settings));
    }
}
