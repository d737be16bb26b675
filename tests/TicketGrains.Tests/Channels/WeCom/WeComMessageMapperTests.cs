using System.Text.Json.Nodes;
using TicketGrains.Api.Channels.Inbound;
using TicketGrains.Api.Channels.WeCom;
using Xunit;

namespace TicketGrains.Tests.Channels.WeCom;

/// <summary>sync_msg items (fields as WeCom documents them for 读取消息) normalised; the servicers' messages and events skipped.</summary>
public sealed class WeComMessageMapperTests
{
    private const string Customer = "wmAJ2GCAAAme1XQRC-NI-q0_ZM9ukoAw";
    private static readonly DateTimeOffset SentAt = DateTimeOffset.FromUnixTimeSeconds(1796299200);

    public static JsonObject Item(string msgid, string msgtype, JsonObject? body, int origin = 3) => new()
    {
        ["msgid"] = msgid, ["open_kfid"] = WeComRequests.OpenKfId, ["external_userid"] = Customer, ["send_time"] = 1796299200,
        ["origin"] = origin, ["msgtype"] = msgtype, [msgtype] = body,
    };

    private static JsonObject EventItem(string msgid, JsonObject body) => new()
    {
        ["msgid"] = msgid, ["send_time"] = 1796299200, ["origin"] = 4, ["msgtype"] = "event", ["event"] = body,
    };

    /// <summary>Through its JSON text, as the puller gets it (numbers are read differently from nodes built in code).</summary>
    private static InboundMessage? Parsed(JsonObject item) => WeComMessageMapper.Map(JsonNode.Parse(item.ToJsonString())!.AsObject());

    private static InboundMessage Map(JsonObject item)
    {
        var message = Parsed(item);
        Assert.NotNull(message);
        Assert.Equal((Customer, SentAt), (message.SenderId, message.SentAt));
        return message;
    }

    [Fact]
    public void A_text_keeps_its_msgid_and_content()
    {
        var message = Map(Item("from_msgid_4622416642169452483", "text", new JsonObject { ["content"] = "能帮我改一下收货地址吗" }));

        Assert.Equal(("from_msgid_4622416642169452483", InboundKinds.Text, "能帮我改一下收货地址吗"), (message.PlatformMessageId, message.Kind, message.Text));
    }

    [Theory]
    [InlineData("image", InboundKinds.Image)]
    [InlineData("voice", InboundKinds.Voice)]
    [InlineData("video", InboundKinds.Video)]
    [InlineData("file", InboundKinds.File)]
    public void Media_carry_their_media_id(string msgtype, string kind)
    {
        var message = Map(Item("m1", msgtype, new JsonObject { ["media_id"] = "2iSLeVyqzk4eX0IB5kTi9Ljfa2rt9dwfq5WKRQ4Nvvgw" }));

        Assert.Equal((kind, "2iSLeVyqzk4eX0IB5kTi9Ljfa2rt9dwfq5WKRQ4Nvvgw"), (message.Kind, message.MediaId));
    }

    [Fact]
    public void A_location_has_its_coordinates_name_and_address()
    {
        var message = Map(Item("m2", "location", new JsonObject
        {
            ["latitude"] = 23.106021881103501, ["longitude"] = 113.320503234863, ["name"] = "广州国际媒体港", ["address"] = "广州市海珠区滨江东路",
        }));

        Assert.Equal((InboundKinds.Location, "广州市海珠区滨江东路"), (message.Kind, message.Text));
        Assert.Equal(new InboundLocation(23.106021881103501, 113.320503234863, null, "广州国际媒体港"), message.Location);
    }

    [Fact]
    public void A_link_has_its_url_title_and_description()
    {
        var message = Map(Item("m3", "link", new JsonObject
        {
            ["title"] = "退货须知", ["desc"] = "七天无理由", ["url"] = "https://shop.example.cn/returns", ["pic_url"] = "https://shop.example.cn/r.png",
        }));

        Assert.Equal(new InboundLink("https://shop.example.cn/returns", "退货须知", "七天无理由"), message.Link);
    }

    [Fact]
    public void An_event_takes_its_customer_and_type_from_the_event_object()
    {
        var item = EventItem("ev1", new JsonObject
        {
            ["event_type"] = "enter_session", ["open_kfid"] = WeComRequests.OpenKfId, ["external_userid"] = Customer,
            ["scene"] = "123", ["scene_param"] = "order-20261111-42", ["welcome_code"] = "aaaaaa",
        });

        var message = Map(item);

        Assert.Equal((InboundKinds.Event, "enter_session", "order-20261111-42", "ev1"), (message.Kind, message.EventName, message.EventKey, message.PlatformMessageId));
    }

    [Fact]
    public void Messages_the_servicers_sent_events_without_a_customer_and_items_without_an_id_are_skipped()
    {
        var servicer = Item("s1", "text", new JsonObject { ["content"] = "您好" }, origin: 5);
        var statusChange = EventItem("ev2", new JsonObject { ["event_type"] = "servicer_status_change", ["servicer_userid"] = "zhangsan" });
        var noId = Item("", "text", new JsonObject { ["content"] = "x" });

        Assert.Equal([null, null, null], new[] { servicer, statusChange, noId }.Select(Parsed));
    }

    [Theory]
    [InlineData("session_status_change")]
    [InlineData("servicer_recall_msg")]
    [InlineData("reject_customer_msg_switch_change")]
    public void Events_of_the_servicers_doing_are_skipped_though_they_name_the_customer(string eventType)
    {
        var item = EventItem("ev3", new JsonObject
        {
            ["event_type"] = eventType, ["open_kfid"] = WeComRequests.OpenKfId, ["external_userid"] = Customer,
            ["servicer_userid"] = "zhangsan", ["change_type"] = 3, ["recall_msgid"] = "msg_7", ["reject_switch"] = 1,
        });

        Assert.Null(Parsed(item));
    }

    [Theory]
    [InlineData("user_recall_msg", "recall_msgid")]
    [InlineData("msg_send_fail", "fail_msgid")]
    public void A_recall_or_a_failed_send_names_the_message_it_is_about(string eventType, string field)
    {
        var message = Map(EventItem("ev4", new JsonObject
        {
            ["event_type"] = eventType, ["open_kfid"] = WeComRequests.OpenKfId, ["external_userid"] = Customer, [field] = "msg_4622416642169452483",
        }));

        Assert.Equal((InboundKinds.Event, eventType, "msg_4622416642169452483"), (message.Kind, message.EventName, message.EventKey));
    }

    [Fact]
    public void A_type_not_read_field_by_field_is_kept_as_a_text_line_with_its_content()
    {
        var card = Map(Item("c1", "business_card", new JsonObject { ["userid"] = "lisi" }));
        var miniProgram = Map(Item("p1", "miniprogram", new JsonObject
        {
            ["title"] = "订单详情", ["appid"] = "wx0c1d2e3f4a5b6c7d", ["pagepath"] = "pages/order?no=42", ["thumb_media_id"] = "MEDIA_ID",
        }));

        Assert.Equal((InboundKinds.Text, """[WeCom business_card message] {"userid":"lisi"}"""), (card.Kind, card.Text));
        Assert.Equal("""[WeCom miniprogram message] {"title":"订单详情","appid":"wx0c1d2e3f4a5b6c7d","pagepath":"pages/order?no=42","thumb_media_id":"MEDIA_ID"}""",
            miniProgram.Text);
    }

    [Fact]
    public void A_note_which_sync_msg_returns_without_content_is_kept_as_a_text_line_naming_its_type()
    {
        var note = Item("n1", "note", body: null);
        note.Remove("note");

        var message = Map(note);

        Assert.Equal(("n1", InboundKinds.Text, "[WeCom note message]"), (message.PlatformMessageId, message.Kind, message.Text));
    }

    [Fact]
    public void Numbers_sent_as_strings_are_read_and_unreadable_ones_skip_the_item_instead_of_failing_the_page()
    {
        var asStrings = Item("s1", "location", new JsonObject { ["latitude"] = "23.106", ["longitude"] = "113.3205", ["name"] = "广州国际媒体港" });
        asStrings["send_time"] = "1796299200";
        asStrings["origin"] = "3";
        var fractionalTime = Item("f1", "text", new JsonObject { ["content"] = "x" });
        fractionalTime["send_time"] = 1796299200.5;
        var fractionalOrigin = Item("f2", "text", new JsonObject { ["content"] = "x" });
        fractionalOrigin["origin"] = 3.5;

        var location = Map(asStrings);

        Assert.Equal(new InboundLocation(23.106, 113.3205, null, "广州国际媒体港"), location.Location);
        Assert.Equal([null, null], new[] { fractionalTime, fractionalOrigin }.Select(Parsed));
    }
}
