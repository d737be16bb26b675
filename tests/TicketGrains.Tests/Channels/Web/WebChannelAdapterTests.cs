using System.Text;
using TicketGrains.Api.Channels.Inbound;
using TicketGrains.Api.Channels.Web;
using Xunit;

namespace TicketGrains.Tests.Channels.Web;

public sealed class WebChannelAdapterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 11, 8, 0, 0, TimeSpan.Zero);
    private readonly WebChannelAdapter _web = new();

    [Fact]
    public void A_chat_line_is_the_visitors_message_keyed_by_visitor_and_message_id()
    {
        var accepted = Assert.IsType<InboundOutcome.Accepted>(_web.Handle(Post(WebRequests.Chat("msg-00000001", " 我的订单 20261111-42 还没到 ")), WebRequests.Settings));

        var m = Assert.Single(accepted.Messages);
        Assert.Equal(($"{WebRequests.Visitor}:msg-00000001", WebRequests.Visitor, "text", "我的订单 20261111-42 还没到", $"chat:{WebRequests.Visitor}", Now),
            (m.PlatformMessageId, m.SenderId, m.Kind, m.Text, m.ThreadKey, m.SentAt));
        Assert.Equal((null, null), (m.Subject, m.SenderName));
        Assert.Equal("{\"received\":true}", accepted.Answer.Body);
    }

    [Fact]
    public void A_form_is_sent_by_its_email_with_its_name_and_subject_as_a_conversation_of_its_own()
    {
        var body = WebRequests.Form("form-0000001", "韩梅梅", "Meimei.Han@Example.com", "退货申请", "订单 20261111-43 想退货");

        var m = Assert.Single(Assert.IsType<InboundOutcome.Accepted>(_web.Handle(Post(body), WebRequests.Settings)).Messages);

        Assert.Equal(("meimei.han@example.com", "韩梅梅", "退货申请", "订单 20261111-43 想退货", $"form:{WebRequests.Visitor}:form-0000001"),
            (m.SenderId, m.SenderName, m.Subject, m.Text, m.ThreadKey));
        Assert.Equal(WebRequests.Visitor, WebMessageRules.VisitorOf(m.PlatformMessageId));
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData(null)]
    public void A_page_the_channel_does_not_allow_is_refused_with_403_naming_the_origin(string? origin)
    {
        AssertRefused(403, "Origin", _web.Handle(Post(WebRequests.Chat("msg-00000001", "hi"), origin: origin), WebRequests.Settings));
    }

    [Fact]
    public void A_missing_or_forged_token_is_refused_with_401_and_an_expired_one_with_403()
    {
        var forged = WebRequests.Token(WebRequests.Visitor, Now.AddHours(1), secret: "guessed");
        var expired = WebRequests.Token(WebRequests.Visitor, Now.AddSeconds(-1));

        AssertRefused(401, WebRequestChecks.TokenHeader, _web.Handle(Post(WebRequests.Chat("msg-00000001", "hi"), token: ""), WebRequests.Settings));
        AssertRefused(401, WebRequestChecks.TokenHeader, _web.Handle(Post(WebRequests.Chat("msg-00000001", "hi"), token: forged), WebRequests.Settings));
        AssertRefused(403, WebRequestChecks.TokenHeader, _web.Handle(Post(WebRequests.Chat("msg-00000001", "hi"), token: expired), WebRequests.Settings));
    }

    [Theory]
    [InlineData("{\"messageId\":\"msg-00000001\"", "body")]
    [InlineData("[]", "body")]
    [InlineData("{\"messageId\":\"msg-00000001\",\"message\":\"hi\",\"admin\":true}", "admin")]
    [InlineData("{\"messageId\":7,\"message\":\"hi\"}", "messageId")]
    [InlineData("{\"messageId\":\"short\",\"message\":\"hi\"}", "messageId")]
    [InlineData("{\"messageId\":\"msg-00000001\",\"message\":\"  \"}", "message")]
    [InlineData("{\"messageId\":\"msg-00000001\",\"message\":\"hi\",\"subject\":\"退货\",\"name\":\"李雷\"}", "email")]
    [InlineData("{\"messageId\":\"msg-00000001\",\"message\":\"hi\",\"subject\":\"退货\",\"name\":\"李雷\",\"email\":\"not-an-address\"}", "email")]
    [InlineData("{\"messageId\":\"msg-00000001\",\"message\":\"hi\",\"email\":\"li@example.com\",\"name\":\"李雷\"}", "subject")]
    public void A_malformed_message_is_refused_with_400_naming_the_member(string body, string field)
    {
        var refused = Assert.IsType<InboundOutcome.Refused>(_web.Handle(Post(body), WebRequests.Settings));

        Assert.Equal(400, refused.Status);
        Assert.Equal(field, refused.Field);
    }

    [Fact]
    public void Too_long_a_message_is_400_and_too_large_a_body_413()
    {
        AssertRefused(400, "message", _web.Handle(Post(WebRequests.Chat("msg-00000001", new string('x', 20_001))), WebRequests.Settings));
        AssertRefused(413, "body", _web.Handle(Post(WebRequests.Chat("msg-00000001", new string('x', WebChannelAdapter.MaxBodyBytes))), WebRequests.Settings));
    }

    [Fact]
    public void A_get_is_refused_with_405()
    {
        AssertRefused(405, "method", _web.Handle(Post("") with { Method = "GET" }, WebRequests.Settings));
    }

    private static void AssertRefused(int status, string field, InboundOutcome outcome)
    {
        var refused = Assert.IsType<InboundOutcome.Refused>(outcome);
        Assert.Equal((status, field), (refused.Status, refused.Field));
    }

    private static InboundRequest Post(string body, string? origin = WebRequests.ShopOrigin, string? token = null)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Host"] = "desk.example",
            [WebRequestChecks.TokenHeader] = token ?? WebRequests.Token(WebRequests.Visitor, Now.AddHours(1)),
        };
        if (origin is not null)
        {
            headers["Origin"] = origin;
        }

        return new InboundRequest("POST", new Dictionary<string, string>(), headers, Encoding.UTF8.GetBytes(body), Now);
    }
}
