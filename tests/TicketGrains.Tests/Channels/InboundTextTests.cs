using TicketGrains.Grains.Channels;
using Xunit;

namespace TicketGrains.Tests.Channels;

public sealed class InboundTextTests
{
    private static readonly InboundContent Empty = new() { PlatformMessageId = "m", SenderId = "u" };

    [Fact]
    public void A_voice_note_reads_as_its_recognised_text() =>
        Assert.Equal("我要退货", InboundText.Of("voice", Empty with { Text = "我要退货", MediaId = "v1" }));

    [Fact]
    public void A_voice_note_without_recognised_text_names_its_media() =>
        Assert.Equal("[voice message media v1, no recognised text]", InboundText.Of("voice", Empty with { MediaId = "v1" }));

    [Fact]
    public void An_image_is_a_placeholder_naming_its_media_id() =>
        Assert.Equal("[image media img-7]", InboundText.Of("image", Empty with { MediaId = "img-7" }));

    [Fact]
    public void A_location_is_a_readable_line() =>
        Assert.Equal("[location] 上海市徐汇区 (31.2304, 121.4737)",
            InboundText.Of("location", Empty with { Location = new(31.2304, 121.4737, 15, "上海市徐汇区") }));

    [Fact]
    public void A_link_and_an_event_are_readable_lines()
    {
        Assert.Equal("[link] 退货政策: https://shop.example/returns\n七天无理由",
            InboundText.Of("link", Empty with { Link = new("https://shop.example/returns", "退货政策", "七天无理由") }));
        Assert.Equal("[event] CLICK menu_orders", InboundText.Of("event", Empty with { EventName = "CLICK", EventKey = "menu_orders" }));
    }

    [Fact]
    public void Files_carried_in_the_request_are_named()
    {
        var text = InboundText.Of("text", Empty with { Text = "see attached", Files = [new("invoice.pdf", "application/pdf", 1234)] });

        Assert.Equal("see attached\n[file invoice.pdf (application/pdf, 1234 bytes)]", text);
    }

    [Fact]
    public void The_subject_is_the_email_subject_else_the_first_line_of_the_text()
    {
        Assert.Equal("Where is my parcel?", InboundText.Subject("text", Empty with { Subject = "Where is my parcel?", Text = "body" }));
        Assert.Equal("first line", InboundText.Subject("text", Empty with { Text = "first line\nsecond" }));
        Assert.Equal(80, InboundText.Subject("text", Empty with { Text = new string('x', 200) }).Length);
    }
}
