using System.Text;
using TicketGrains.Api.Channels.Douyin;
using TicketGrains.Api.Channels.Inbound;
using Xunit;

namespace TicketGrains.Tests.Channels.Douyin;

/// <summary>The Douyin adapter against raw pushes written from Douyin's webhook and private-message pages.</summary>
public sealed class DouyinAdapterTests
{
    private const string Secret = "douyin-secret";
    private static readonly DateTimeOffset Created = DateTimeOffset.FromUnixTimeMilliseconds(1764748800000);
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["clientKey"] = "awdouyinshop",
        ["clientSecret"] = Secret,
        ["apiBaseUrl"] = "https://open.douyin.com",
    };

    private readonly DouyinAdapter _adapter = new();

    internal static InboundRequest Fixture(string name, DateTimeOffset? receivedAt = null, string secret = Secret, Func<string, string>? rewrite = null) =>
        ChannelFixture.Load("Douyin", name, receivedAt ?? Created.AddSeconds(3), request => DouyinAdapter.Sign(secret, request.Body), rewrite);

    private InboundMessage Single(string name)
    {
        var accepted = Assert.IsType<InboundOutcome.Accepted>(_adapter.Handle(Fixture(name), Settings));
        return Assert.Single(accepted.Messages);
    }

    [Fact]
    public void The_signature_is_the_hex_sha1_of_the_secret_followed_by_the_raw_body() =>
        Assert.Equal("9f70788937e541602919fa738137f8a1280e2f64", DouyinAdapter.Sign(Secret, Encoding.UTF8.GetBytes("{\"a\":\"中\"}")));

    [Fact]
    public void The_verify_webhook_challenge_is_answered_with_the_challenge_exactly_as_sent()
    {
        var verified = Assert.IsType<InboundOutcome.Verified>(_adapter.Handle(Fixture("verify_webhook.request"), Settings));

        Assert.Equal(InboundAnswer.Json("{\"challenge\":98765432109876543210}"), verified.Answer);
    }

    [Fact]
    public void A_text_message_is_normalised_with_its_msg_id_sender_conversation_and_time()
    {
        var message = Single("im_receive_msg_text.request");

        Assert.Equal("msg-text-1", message.PlatformMessageId);
        Assert.Equal("_000customerA", message.SenderId);
        Assert.Equal("小王", message.SenderName);
        Assert.Equal(InboundKinds.Text, message.Kind);
        Assert.Equal("订单 DD20251203001 还没发货", message.Text);
        Assert.Equal("@conv-1001", message.ThreadKey);
        Assert.Equal(Created, message.SentAt);
    }

    [Fact]
    public void Content_sent_as_an_object_reads_like_content_sent_as_a_json_string()
    {
        var message = Single("im_receive_msg_text_object.request");

        Assert.Equal((InboundKinds.Text, "content as an object", "@conv-1001"), (message.Kind, message.Text, message.ThreadKey));
    }

    [Fact]
    public void Image_video_emoji_and_card_messages_keep_their_media_and_link()
    {
        var image = Single("im_receive_msg_image.request");
        var video = Single("im_receive_msg_video.request");
        var emoji = Single("im_receive_msg_emoji.request");
        var card = Single("im_receive_msg_card.request");

        Assert.Equal((InboundKinds.Image, "https://p3.douyinpic.com/im/img-1.jpeg"), (image.Kind, image.MediaUrl));
        Assert.Equal((InboundKinds.Video, "7312345678901234567"), (video.Kind, video.MediaId));
        Assert.Equal((InboundKinds.Image, "emoji", "https://p3.douyinpic.com/emoji/1.gif"), (emoji.Kind, emoji.MediaFormat, emoji.MediaUrl));
        Assert.Equal(InboundKinds.Link, card.Kind);
        Assert.Equal(new InboundLink("https://shop.example.com/o/DD20251203001", "DD20251203001 订单详情", "待发货"), card.Link);
    }

    [Theory]
    [InlineData("im_receive_msg_unknown.request", "[Douyin group_invite message] {", "\"group_id\":\"g-42\"")]
    [InlineData("im_receive_msg_text_not_a_string.request", "[Douyin text message] {", "订单 DD20251203001 还没发货")]
    public void An_unknown_type_or_a_text_that_is_not_a_string_is_kept_as_a_readable_text_line_with_the_raw_content(string fixture, string start, string rawPart)
    {
        var message = Single(fixture);

        Assert.Equal(InboundKinds.Text, message.Kind);
        Assert.StartsWith(start, message.Text, StringComparison.Ordinal);
        Assert.Contains(rawPart, message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_filled_in_lead_card_reads_as_its_labels_and_values()
    {
        var message = Single("im_receive_msg_retain_consult_card.request");

        Assert.Equal((InboundKinds.Text, "[Douyin retain_consult_card] 姓名: 王小明; 手机号: 13800138000"), (message.Kind, message.Text));
    }

    [Fact]
    public void A_body_that_starts_with_a_utf8_byte_order_mark_is_read_like_one_without()
    {
        var accepted = Assert.IsType<InboundOutcome.Accepted>(_adapter.Handle(Fixture("im_receive_msg_text.request", rewrite: ChannelFixture.WithByteOrderMark), Settings));

        Assert.Equal(("msg-text-1", "订单 DD20251203001 还没发货"), (Assert.Single(accepted.Messages).PlatformMessageId, accepted.Messages[0].Text));
    }

    [Fact]
    public void Entering_the_chat_page_is_an_event_and_the_shops_own_sent_messages_store_nothing()
    {
        var entered = Single("im_enter_direct_msg.request");
        var sent = Assert.IsType<InboundOutcome.Accepted>(_adapter.Handle(Fixture("im_send_msg.request"), Settings));

        Assert.Equal((InboundKinds.Event, "im_enter_direct_msg", "msg-enter-1"), (entered.Kind, entered.EventName, entered.PlatformMessageId));
        Assert.Empty(sent.Messages);
    }

    [Fact]
    public void A_push_signed_with_another_secret_is_refused_401_naming_the_header()
    {
        var outcome = _adapter.Handle(Fixture("im_receive_msg_text.request", secret: "someone-else"), Settings);

        Assert.Equal(new InboundOutcome.Refused(401, "X-Douyin-Signature", "The signature does not match the body and the channel's client secret."), outcome);
    }

    [Fact]
    public void A_body_changed_after_signing_is_refused_401()
    {
        var request = Fixture("im_receive_msg_text.request");
        var tampered = request with { Body = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(request.Body).Replace("DD20251203001", "DD20251203999", StringComparison.Ordinal)) };

        Assert.Equal(401, Assert.IsType<InboundOutcome.Refused>(_adapter.Handle(tampered, Settings)).Status);
    }

    [Fact]
    public void A_channel_without_a_client_secret_accepts_nothing()
    {
        var outcome = _adapter.Handle(Fixture("im_receive_msg_text.request", secret: ""), new Dictionary<string, string> { ["clientKey"] = "awdouyinshop" });

        Assert.Equal(401, Assert.IsType<InboundOutcome.Refused>(outcome).Status);
    }

    [Fact]
    public void A_message_created_outside_the_replay_window_is_refused_403()
    {
        var outcome = _adapter.Handle(Fixture("im_receive_msg_text.request", Created + InboundLimits.ReplayWindow + TimeSpan.FromSeconds(1)), Settings);

        Assert.Equal((403, "create_time"), Refusal(outcome));
    }

    [Fact]
    public void A_push_for_another_client_key_is_refused_403_naming_client_key()
    {
        var settings = new Dictionary<string, string>(Settings) { ["clientKey"] = "awanothershop" };

        Assert.Equal((403, "client_key"), Refusal(_adapter.Handle(Fixture("im_receive_msg_text.request"), settings)));
    }

    [Fact]
    public void A_malformed_body_is_refused_400_naming_the_body() =>
        Assert.Equal((400, "body"), Refusal(_adapter.Handle(Fixture("malformed.request"), Settings)));

    [Fact]
    public void A_message_without_msg_id_is_refused_400_naming_the_header() =>
        Assert.Equal((400, "Msg-Id"), Refusal(_adapter.Handle(Fixture("im_receive_msg_no_msg_id.request"), Settings)));

    [Fact]
    public void A_customer_recalling_a_message_is_an_event_naming_it_and_the_shop_recalling_its_own_stores_nothing()
    {
        var settings = new Dictionary<string, string>(Settings) { ["openId"] = "_000shopB" };

        var byCustomer = Assert.Single(Assert.IsType<InboundOutcome.Accepted>(_adapter.Handle(Fixture("im_recall_msg.request"), settings)).Messages);
        var byShop = Assert.IsType<InboundOutcome.Accepted>(_adapter.Handle(Fixture("im_recall_msg_shop.request"), settings));

        Assert.Equal((InboundKinds.Event, "im_recall_msg", "@srv-5002", "_000customerA"), (byCustomer.Kind, byCustomer.EventName, byCustomer.EventKey, byCustomer.SenderId));
        Assert.Empty(byShop.Messages);
    }

    [Fact]
    public void A_get_request_is_refused() =>
        Assert.Equal((405, "method"), Refusal(_adapter.Handle(Fixture("im_receive_msg_text.request") with { Method = "GET" }, Settings)));

    private static (int Status, string Field) Refusal(InboundOutcome outcome)
    {
        var refused = Assert.IsType<InboundOutcome.Refused>(outcome);
        return (refused.Status, refused.Field);
    }
}
