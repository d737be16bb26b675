using TicketGrains.Api.Channels.Inbound;
using TicketGrains.Api.Channels.WeChat;
using Xunit;

namespace TicketGrains.Tests.Channels.WeChat;

/// <summary>Every WeChat push type normalised, in plaintext; the URL check; what is refused and with which field.</summary>
public sealed class WeChatAdapterTests
{
    private static readonly DateTimeOffset At = DateTimeOffset.FromUnixTimeSeconds(WeChatPushes.CreateTime);
    private readonly WeChatAdapter _adapter = new();

    internal static InboundMessage Single(InboundOutcome outcome)
    {
        var accepted = Assert.IsType<InboundOutcome.Accepted>(outcome);
        Assert.Equal(InboundAnswer.Success, accepted.Answer);
        Assert.Empty(accepted.Pulls);
        return Assert.Single(accepted.Messages);
    }

    private InboundMessage Receive(string xml) => Single(_adapter.Handle(WeChatRequests.Plain(xml, At), WeChatRequests.PlainSettings));

    internal static void AssertRefused(InboundOutcome outcome, int status, string field)
    {
        var refused = Assert.IsType<InboundOutcome.Refused>(outcome);
        Assert.Equal((status, field), (refused.Status, refused.Field));
    }

    [Fact]
    public void The_url_check_is_answered_with_the_echostr_verbatim()
    {
        var outcome = _adapter.Handle(WeChatRequests.UrlCheck("7361945203812+/=", At), WeChatRequests.PlainSettings);

        Assert.Equal(new InboundOutcome.Verified(InboundAnswer.Text("7361945203812+/=")), outcome);
    }

    [Fact]
    public void A_url_check_signed_with_another_token_is_refused()
    {
        var outcome = _adapter.Handle(WeChatRequests.UrlCheck("736194", At, token: "someone-else"), WeChatRequests.PlainSettings);

        AssertRefused(outcome, 401, "signature");
    }

    [Fact]
    public void A_text_message_keeps_its_content_sender_time_and_msgid()
    {
        var message = Receive(WeChatPushes.Text);

        Assert.Equal(("24710836129461230", WeChatPushes.Follower, InboundKinds.Text, At), (message.PlatformMessageId, message.SenderId, message.Kind, message.SentAt));
        Assert.Equal("订单 20261111-42 三天没有物流更新 <急>", message.Text);
    }

    [Fact]
    public void An_image_carries_its_media_id_and_picture_url()
    {
        var message = Receive(WeChatPushes.Image);

        Assert.Equal((InboundKinds.Image, "img_Kx81mfQ0a", "http://mmbiz.qpic.cn/mmbiz_jpg/fixture/0"), (message.Kind, message.MediaId, message.MediaUrl));
    }

    [Fact]
    public void A_voice_message_has_its_recognition_as_text_and_its_format()
    {
        var recognised = Receive(WeChatPushes.Voice);
        var unrecognised = Receive(WeChatPushes.VoiceUnrecognised);

        Assert.Equal((InboundKinds.Voice, "voice_3Jd9w", "amr", "我要退货"), (recognised.Kind, recognised.MediaId, recognised.MediaFormat, recognised.Text));
        Assert.Equal((InboundKinds.Voice, "voice_7Ua2q", "speex", (string?)null), (unrecognised.Kind, unrecognised.MediaId, unrecognised.MediaFormat, unrecognised.Text));
    }

    [Fact]
    public void Videos_and_short_videos_are_videos_told_apart_by_format()
    {
        var video = Receive(WeChatPushes.Video);
        var shortVideo = Receive(WeChatPushes.ShortVideo);

        Assert.Equal((InboundKinds.Video, "video_p0Qe5", "video"), (video.Kind, video.MediaId, video.MediaFormat));
        Assert.Equal((InboundKinds.Video, "short_W2kd8", "shortvideo"), (shortVideo.Kind, shortVideo.MediaId, shortVideo.MediaFormat));
    }

    [Fact]
    public void A_location_has_latitude_longitude_scale_and_label()
    {
        var message = Receive(WeChatPushes.Location);

        Assert.Equal(InboundKinds.Location, message.Kind);
        Assert.Equal(new InboundLocation(31.230416, 121.473701, 15, "上海市黄浦区人民大道200号"), message.Location);
    }

    [Fact]
    public void A_link_has_its_url_title_and_description()
    {
        var message = Receive(WeChatPushes.Link);

        Assert.Equal(InboundKinds.Link, message.Kind);
        Assert.Equal(new InboundLink("https://shop.example.cn/orders/20261111-42", "我的订单截图", "订单详情页"), message.Link);
    }

    [Theory]
    [InlineData("subscribe", "qrscene_618")]
    [InlineData("unsubscribe", null)]
    [InlineData("CLICK", "MENU_ORDER_STATUS")]
    [InlineData("VIEW", "https://shop.example.cn/help")]
    [InlineData("SCAN", "618")]
    public void An_event_is_identified_by_sender_time_and_event(string name, string? key)
    {
        var message = Receive(WeChatPushes.All[name]);

        Assert.Equal((InboundKinds.Event, name, key), (message.Kind, message.EventName, message.EventKey));
        Assert.Equal($"{WeChatPushes.Follower}:{WeChatPushes.CreateTime}:{name}", message.PlatformMessageId);
        Assert.Null(message.Location);
    }

    [Fact]
    public void The_location_event_reports_where_the_follower_is()
    {
        var message = Receive(WeChatPushes.LocationEvent);

        Assert.Equal((InboundKinds.Event, "LOCATION"), (message.Kind, message.EventName));
        Assert.Equal(new InboundLocation(23.137466, 113.352425, 119.38504, null), message.Location);
    }

    [Theory]
    [InlineData("TEMPLATESENDJOBFINISH")]
    [InlineData("MASSSENDJOBFINISH")]
    [InlineData("kf_close_session")]
    [InlineData("qualification_verify_success")]
    public void Events_no_follower_caused_send_reports_agents_sessions_verification_notices_are_acknowledged_and_store_nothing(string name)
    {
        var push = name switch
        {
            "TEMPLATESENDJOBFINISH" => WeChatPushes.TemplateSendJobFinish,
            "MASSSENDJOBFINISH" => WeChatPushes.MassSendJobFinish,
            "kf_close_session" => WeChatPushes.KfCloseSession,
            _ => WeChatPushes.QualificationVerifySuccess,
        };

        var accepted = Assert.IsType<InboundOutcome.Accepted>(_adapter.Handle(WeChatRequests.Plain(push, At), WeChatRequests.PlainSettings));

        Assert.Equal(InboundAnswer.Success, accepted.Answer);
        Assert.Empty(accepted.Messages);
    }

    [Theory]
    [InlineData("scancode_push", "rselfmenu_0_1")]
    [InlineData("pic_sysphoto", "rselfmenu_1_0")]
    [InlineData("location_select", "rselfmenu_2_0")]
    public void A_menu_event_with_nested_details_is_an_event_with_its_key(string name, string key)
    {
        var push = name switch { "scancode_push" => WeChatPushes.ScanCodePush, "pic_sysphoto" => WeChatPushes.PicSysPhoto, _ => WeChatPushes.LocationSelect };

        var message = Receive(push);

        Assert.Equal((InboundKinds.Event, name, key), (message.Kind, message.EventName, message.EventKey));
        Assert.Equal($"{WeChatPushes.Follower}:{WeChatPushes.CreateTime}:{name}", message.PlatformMessageId);
    }

    [Fact]
    public void A_body_that_starts_with_a_utf8_byte_order_mark_is_read_like_one_without()
    {
        var request = WeChatRequests.Plain(WeChatPushes.Text, At);

        var message = Single(_adapter.Handle(request with { Body = [0xEF, 0xBB, 0xBF, .. request.Body] }, WeChatRequests.PlainSettings));

        Assert.Equal(("24710836129461230", "订单 20261111-42 三天没有物流更新 <急>"), (message.PlatformMessageId, message.Text));
    }

    [Fact]
    public void A_msgid_spelled_MsgID_as_in_the_voice_field_table_is_the_message_id()
    {
        var message = Receive(WeChatPushes.Voice.Replace("<MsgId>24710836129461232</MsgId>", "<MsgID>24710836129461232</MsgID>", StringComparison.Ordinal));

        Assert.Equal(("24710836129461232", InboundKinds.Voice), (message.PlatformMessageId, message.Kind));
    }

    [Fact]
    public void White_space_around_values_written_without_cdata_is_not_part_of_them_but_message_text_keeps_its_own()
    {
        var pretty = $"""
            <xml>
              <ToUserName> {WeChatPushes.Account} </ToUserName>
              <FromUserName>
                {WeChatPushes.Follower}
              </FromUserName>
              <CreateTime> {WeChatPushes.CreateTime} </CreateTime>
              <MsgType> text </MsgType>
              <Content><![CDATA[  订单 20261111-42  ]]></Content>
              <MsgId> 24710836129461230 </MsgId>
            </xml>
            """;

        var message = Receive(pretty);

        Assert.Equal(("24710836129461230", WeChatPushes.Follower, At, "  订单 20261111-42  "),
            (message.PlatformMessageId, message.SenderId, message.SentAt, message.Text));
    }

    [Fact]
    public void A_message_type_not_read_is_kept_as_a_text_line_naming_it()
    {
        var message = Receive(WeChatPushes.MiniProgramPage);
        var withoutMsgId = Receive(WeChatPushes.MiniProgramPage.Replace("<MsgId>24710836129461238</MsgId>", "", StringComparison.Ordinal));

        Assert.Equal(("24710836129461238", InboundKinds.Text, "[WeChat miniprogrampage message] 订单 20261111-42 详情"),
            (message.PlatformMessageId, message.Kind, message.Text));
        Assert.Equal($"{WeChatPushes.Follower}:{WeChatPushes.CreateTime}:miniprogrampage", withoutMsgId.PlatformMessageId);
    }
}
