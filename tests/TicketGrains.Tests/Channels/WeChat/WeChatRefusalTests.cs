using System.Text;
using TicketGrains.Api.Channels.Inbound;
using TicketGrains.Api.Channels.WeChat;
using Xunit;
using static TicketGrains.Tests.Channels.WeChat.WeChatAdapterTests;

namespace TicketGrains.Tests.Channels.WeChat;

/// <summary>Plaintext pushes that are not genuine, not fresh or not well formed: refused, naming what is wrong.</summary>
public sealed class WeChatRefusalTests
{
    private static readonly DateTimeOffset At = DateTimeOffset.FromUnixTimeSeconds(WeChatPushes.CreateTime);
    private readonly WeChatAdapter _adapter = new();

    private InboundOutcome Post(string xml) =>
        _adapter.Handle(WeChatRequests.Plain(xml, At), WeChatRequests.PlainSettings);

    [Fact]
    public void A_push_signed_with_another_token_is_refused()
    {
        AssertRefused(_adapter.Handle(WeChatRequests.Plain(WeChatPushes.Text, At, token: "guessed"), WeChatRequests.PlainSettings), 401, "signature");
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    public void A_timestamp_more_than_five_minutes_from_arrival_is_refused(int secondsOff)
    {
        var request = WeChatRequests.Plain(WeChatPushes.Text, At.AddSeconds(secondsOff)) with { ReceivedAt = At };

        AssertRefused(_adapter.Handle(request, WeChatRequests.PlainSettings), 403, "timestamp");
    }

    [Fact]
    public void A_timestamp_just_inside_the_window_is_accepted()
    {
        var request = WeChatRequests.Plain(WeChatPushes.Text, At.AddSeconds(-300)) with { ReceivedAt = At };

        Assert.Equal("24710836129461230", Single(_adapter.Handle(request, WeChatRequests.PlainSettings)).PlatformMessageId);
    }

    [Theory]
    [InlineData("signature")]
    [InlineData("timestamp")]
    [InlineData("nonce")]
    public void A_missing_query_parameter_is_named(string name)
    {
        AssertRefused(_adapter.Handle(WeChatRequests.Plain(WeChatPushes.Text, At).WithQuery(name, null), WeChatRequests.PlainSettings), 400, name);
    }

    [Fact]
    public void Malformed_xml_is_refused_naming_the_element_it_broke_in()
    {
        AssertRefused(Post("<xml><MsgType>text</MsgType><Content>unclosed</xml>"), 400, "Content");
        AssertRefused(Post(""), 400, "xml");
        AssertRefused(Post("<message><MsgType>text</MsgType></message>"), 400, "xml");
    }

    [Theory]
    [InlineData("MsgType")]
    [InlineData("FromUserName")]
    [InlineData("CreateTime")]
    [InlineData("MsgId")]
    [InlineData("Content")]
    public void A_missing_element_is_named(string element)
    {
        var xml = System.Text.RegularExpressions.Regex.Replace(WeChatPushes.Text, $"<{element}>.*?</{element}>", "");

        AssertRefused(Post(xml), 400, element);
    }

    [Fact]
    public void A_create_time_that_is_not_a_number_is_named()
    {
        AssertRefused(Post(WeChatPushes.Text.Replace($"{WeChatPushes.CreateTime}", "yesterday", StringComparison.Ordinal)), 400, "CreateTime");
    }

    [Fact]
    public void An_external_entity_is_never_resolved_the_document_is_refused()
    {
        var secret = Path.GetTempFileName();
        File.WriteAllText(secret, "leaked");
        var xml = $"""
            <?xml version="1.0"?><!DOCTYPE xml [<!ENTITY leak SYSTEM "file://{secret}">]>
            <xml><ToUserName>a</ToUserName><FromUserName>b</FromUserName><CreateTime>{WeChatPushes.CreateTime}</CreateTime>
            <MsgType>text</MsgType><Content>&leak;</Content><MsgId>1</MsgId></xml>
            """;
        try
        {
            var refused = Assert.IsType<InboundOutcome.Refused>(Post(xml));

            Assert.Equal((400, "xml"), (refused.Status, refused.Field));
            Assert.Contains("DTD", refused.Detail, StringComparison.Ordinal);
            Assert.DoesNotContain("leaked", refused.Detail, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public void An_entity_expansion_bomb_is_refused_before_it_expands()
    {
        var xml = """
            <?xml version="1.0"?><!DOCTYPE xml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
            <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><xml><Content>&c;</Content></xml>
            """;

        AssertRefused(Post(xml), 400, "xml");
    }

    [Fact]
    public void A_body_that_is_not_utf8_is_refused()
    {
        // "订单" in GBK: not UTF-8.
        byte[] body = [.. Encoding.ASCII.GetBytes("<xml><Content>"), 0xB6, 0xA9, 0xB5, 0xA5, .. Encoding.ASCII.GetBytes("</Content></xml>")];

        AssertRefused(_adapter.Handle(WeChatRequests.Plain(WeChatPushes.Text, At) with { Body = body }, WeChatRequests.PlainSettings), 400, "xml");
    }
}
