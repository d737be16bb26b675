using TicketGrains.Grains.AutoFill.Fields;
using Xunit;

namespace TicketGrains.Tests.AutoFill.Fields;

public sealed class MixedTextTests
{
    [Fact]
    public void An_order_page_in_mixed_chinese_and_english_gives_every_field_once()
    {
        const string page = """
            订单详情 Order Details
            订单编号 Order No.：２１３４５６７８９０１２３４５６７８９
            实付款 Total：¥２５６.００
            物流 Carrier：圆通速递 YTO Express
            运单号 Tracking No.：YT7712345678901
            收货信息：李雷 138-1234-5678 浙江省 杭州市 西湖区 文三路 90 号
            """;
        var fields = Extracted.From(page).ToDictionary(f => f.Name, f => f.Value);
        Assert.Equal(new Dictionary<string, string>
        {
            [FieldNames.OrderNo] = "2134567890123456789",
            [FieldNames.TrackingNo] = "YT7712345678901",
            [FieldNames.Carrier] = "YTO",
            [FieldNames.Amount] = "256.00",
            [FieldNames.Phone] = "13812345678",
            [FieldNames.Address] = "浙江省杭州市西湖区文三路90号",
        }, fields);
    }

    [Fact]
    public void Fields_come_in_the_order_of_their_names_with_the_source_given()
    {
        var fields = new FieldExtractor().Extract("SF1234567890123 订单 230615-123456789012345 实付 ¥10", FieldSources.Ocr);
        Assert.Equal([FieldNames.OrderNo, FieldNames.TrackingNo, FieldNames.Carrier, FieldNames.Amount], fields.Select(f => f.Name));
        Assert.All(fields, f => Assert.Equal(FieldSources.Ocr, f.Source));
    }

    [Fact]
    public void Empty_text_has_no_fields() => Assert.Empty(Extracted.From(""));
}
