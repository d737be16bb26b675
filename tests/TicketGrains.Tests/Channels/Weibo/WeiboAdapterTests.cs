using TicketGrains.Api.Channels.Inbound;
using TicketGrains.Api.Channels.Weibo;
using Xunit;

namespace TicketGrains.Tests.Channels.Weibo;

/// <summary>The Weibo adapter against raw requests written from Weibo's fan-service push pages.</summary>
public sealed class WeiboAdapterTests
{
    private const string Secret = "weibo-app-secret";
    private static readonly DateTimeOffset Signed = DateTimeOffset.FromUnixTimeSeconds(1764748800);
    private static readonly DateTimeOffset Created = new(2025, 12, 3, 16, 0, 0, TimeSpan.FromHours(8));
    private static readonly Dictionary<string, string> Settings = new() { ["appSecret"] = Secret, ["apiBaseUrl"] = "https://m.api.weibo.com" };

    private readonly WeiboAdapter _adapter = new();

    private static InboundRequest Fixture(string name, DateTimeOffset? receivedAt = null, string secret = Secret, Func<string, string>? rewrite = null) =>
        ChannelFixture.Load("Weibo", name, receivedAt ?? Signed.AddSeconds(2),
            request => Signatures.SortedSha1Hex(secret, request.QueryValue("timestamp")!, request.QueryValue("nonce")!), rewrite);

    private InboundMessage Single(string name, Func<string, string>? rewrite = null)
    {
        var accepted = Assert.IsType<InboundOutcome.Accepted>(_adapter.Handle(Fixture(name, rewrite: rewrite), Settings));
        Assert.Equal(InboundAnswer.Text(""), accepted.Answer);
        return Assert.Single(accepted.Messages);
    }

    [Fact]
    public void The_url_check_is_answered_with_the_echostr()
    {
        var verified = Assert.IsType<InboundOutcome.Verified>(_adapter.Handle(Fixture("url_check.request"), Settings));

        Assert.Equal(InboundAnswer.Text("weibo-echo-7731"), verified.Answer);
    }

    [Fact]
    public void A_text_push_without_a_message_id_is_keyed_by_sender_creation_time_and_type()
    {
        var message = Single("text.request");

        Assert.Equal(new InboundMessage
        {
            PlatformMessageId = $"2489518277:{Created.ToUnixTimeSeconds()}:text",
            SenderId = "2489518277",
            Kind = InboundKinds.Text,
            SentAt = Created,
            Text = "订单 WB20251203 什么时候到?",
        }, message);
    }

    [Fact]
    public void A_body_that_starts_with_a_utf8_byte_order_mark_is_read_like_one_without() =>
        Assert.Equal("订单 WB20251203 什么时候到?", Single("text.request", ChannelFixture.WithByteOrderMark).Text);

    [Fact]
    public void A_push_with_a_message_id_is_keyed_by_it() =>
        Assert.Equal("4912345678901234", Single("text_with_id.request").PlatformMessageId);

    [Fact]
    public void A_position_becomes_a_location()
    {
        var message = Single("position.request");

        Assert.Equal(InboundKinds.Location, message.Kind);
        Assert.Equal(new InboundLocation(39.982525, 116.308586, null, "发送了一个位置"), message.Location);
    }

    [Fact]
    public void Voice_and_image_keep_both_platform_file_ids()
    {
        var voice = Single("voice.request");
        var image = Single("image.request");

        Assert.Equal((InboundKinds.Voice, "821804459/821804469"), (voice.Kind, voice.MediaId));
        Assert.Equal((InboundKinds.Image, "821804460/821804470"), (image.Kind, image.MediaId));
        Assert.Equal(("821804460", "821804470"), WeiboMediaId.Parse(image.MediaId!));
    }

    [Fact]
    public void Events_and_mentions_carry_their_names()
    {
        var follow = Single("event_follow.request");
        var click = Single("event_click.request");
        var mention = Single("mention.request");

        Assert.Equal((InboundKinds.Event, "follow", (string?)null), (follow.Kind, follow.EventName, follow.EventKey));
        Assert.Equal((InboundKinds.Event, "click", "ORDER_STATUS"), (click.Kind, click.EventName, click.EventKey));
        Assert.Equal((InboundKinds.Event, "mention", "@小店 我的快递丢了"), (mention.Kind, mention.EventName, mention.Text));
        Assert.Equal(($"2489518277:{Created.ToUnixTimeSeconds()}:event:follow", $"2489518277:{Created.ToUnixTimeSeconds()}:event:click"),
            (follow.PlatformMessageId, click.PlatformMessageId));
    }

    [Fact]
    public void The_documented_event_sample_with_its_trailing_comma_is_read()
    {
        var scan = Single("event_scan_trailing_comma.request");

        Assert.Equal((InboundKinds.Event, "scan", "QR_SCENE_618"), (scan.Kind, scan.EventName, scan.EventKey));
    }

    [Fact]
    public void An_unknown_type_is_accepted_and_stores_nothing() =>
        Assert.Empty(Assert.IsType<InboundOutcome.Accepted>(_adapter.Handle(Fixture("unknown.request"), Settings)).Messages);

    [Fact]
    public void A_wrong_signature_is_refused_401_naming_the_parameter()
    {
        Assert.Equal((401, "signature"), Refusal(_adapter.Handle(Fixture("text.request", secret: "not-the-secret"), Settings)));
        Assert.Equal((401, "signature"), Refusal(_adapter.Handle(Fixture("url_check.request", secret: "not-the-secret"), Settings)));
    }

    [Fact]
    public void A_timestamp_outside_the_replay_window_is_refused_403()
    {
        var late = Signed + InboundLimits.ReplayWindow + TimeSpan.FromSeconds(1);

        Assert.Equal((403, "timestamp"), Refusal(_adapter.Handle(Fixture("text.request", late), Settings)));
        Assert.Equal((403, "timestamp"), Refusal(_adapter.Handle(Fixture("url_check.request", late), Settings)));
    }

    [Fact]
    public void An_xml_text_push_reads_as_the_same_message_as_its_json_twin_keyed_alike_since_its_MsgId_is_empty()
    {
        var xml = Single("xml_text.request");

        Assert.Equal(Single("text.request"), xml);
        Assert.Equal($"2489518277:{Created.ToUnixTimeSeconds()}:text", Single("xml_text.request").PlatformMessageId);
    }

    [Fact]
    public void An_xml_location_keeps_its_coordinates_scale_and_label() =>
        Assert.Equal((InboundKinds.Location, new InboundLocation(39.982525, 116.308586, 15, "北京市海淀区")),
            (Single("xml_location.request").Kind, Single("xml_location.request").Location));

    [Fact]
    public void An_xml_event_carries_its_name_and_key_and_is_keyed_by_them()
    {
        var message = Single("xml_event.request");

        Assert.Equal((InboundKinds.Event, "click", "ORDER_STATUS", $"2489518277:{Created.ToUnixTimeSeconds()}:event:click"),
            (message.Kind, message.EventName, message.EventKey, message.PlatformMessageId));
    }

    [Fact]
    public void An_xml_image_whose_file_cannot_be_fetched_is_kept_as_a_line_that_says_so()
    {
        var message = Single("xml_image.request");

        Assert.Equal((InboundKinds.Text, (string?)null), (message.Kind, message.MediaId));
        Assert.StartsWith("[Weibo image message: its file cannot be fetched from an XML push", message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_xml_body_is_refused_400_naming_the_element_it_broke_in() =>
        Assert.Equal((400, "CreateTime"), Refusal(_adapter.Handle(Fixture("xml_malformed.request"), Settings)));

    [Fact]
    public void An_xml_push_under_another_root_is_refused_400_naming_xml() =>
        Assert.Equal((400, "xml"), Refusal(_adapter.Handle(Fixture("xml_text.request", rewrite: body => body.Replace("xml>", "message>", StringComparison.Ordinal)), Settings)));

    [Fact]
    public void A_malformed_body_is_refused_400_naming_the_body() =>
        Assert.Equal((400, "body"), Refusal(_adapter.Handle(Fixture("malformed.request"), Settings)));

    [Fact]
    public void A_push_without_created_at_is_refused_400_naming_it() =>
        Assert.Equal((400, "created_at"), Refusal(_adapter.Handle(Fixture("no_created_at.request"), Settings)));

    [Fact]
    public void A_channel_without_an_app_secret_accepts_nothing() =>
        Assert.Equal((401, "signature"), Refusal(_adapter.Handle(Fixture("text.request", secret: ""), new Dictionary<string, string>())));

    private static (int Status, string Field) Refusal(InboundOutcome outcome)
    {
        var refused = Assert.IsType<InboundOutcome.Refused>(outcome);
        return (refused.Status, refused.Field);
    }
}
