using TicketGrains.Grains.AutoFill.Fields;
using Xunit;

namespace TicketGrains.Tests.AutoFill.Fields;

public sealed class OrderNumberTests
{
    [Theory]
    [InlineData("订单号：3456789012345678901 一直没发货", "3456789012345678901")]
    [InlineData("淘宝订单号 2134567890123456789，帮我查一下", "2134567890123456789")]
    [InlineData("我的订单 123456789012345678 还没到", "123456789012345678")]
    [InlineData("拼多多 订单编号: 230615-123456789012345", "230615-123456789012345")]
    [InlineData("230615-123456789012345 这个单退款了吗", "230615-123456789012345")]
    [InlineData("抖音小店的单子 4912345678901234567 发错货了", "4912345678901234567")]
    [InlineData("京东订单号：285470123456", "285470123456")]
    [InlineData("Order No.: 20261111-42, still not shipped", "20261111-42")]
    [InlineData("my order number is 1234567890123456789", "1234567890123456789")]
    [InlineData("ORDER #: A20261111B42 please refund", "A20261111B42")]
    [InlineData("my order number is 3885127704", "3885127704")]
    [InlineData("Hi, the order number was 77120045 and it never came", "77120045")]
    [InlineData("order no. is: 5501234", "5501234")]
    [InlineData("订单号：１２３４５６７８９０１２３４５６７８", "123456789012345678")]
    [InlineData("订 单 号 ： 3456789012345678901", "3456789012345678901")]
    [InlineData("订单号:34567890123456789O1", "3456789012345678901")]
    public void Order_numbers_of_each_platform_are_found(string text, string orderNo) =>
        Assert.Equal(orderNo, Extracted.Value(text, FieldNames.OrderNo));

    [Fact]
    public void A_label_needs_its_copula_as_a_word_and_close_to_the_number()
    {
        Assert.DoesNotContain(Extracted.From("my order numberis 3885127704"), f => f.Name == FieldNames.OrderNo);
        Assert.DoesNotContain(Extracted.From("the order number this is about 3885127704"), f => f.Name == FieldNames.OrderNo);
    }

    [Fact]
    public void A_labelled_order_number_shaped_like_a_phone_is_an_order_number_and_no_phone()
    {
        var fields = Extracted.From("订单号 13812345678 还没发货");
        Assert.Equal("13812345678", fields.Single(f => f.Name == FieldNames.OrderNo).Value);
        Assert.DoesNotContain(fields, f => f.Name == FieldNames.Phone);
        Assert.DoesNotContain(fields, f => f.Name == FieldNames.TrackingNo);
    }

    [Fact]
    public void A_labelled_order_number_shaped_like_a_tracking_number_is_no_tracking_number()
    {
        var fields = Extracted.From("Order No. SF1234567890123 (that is what the shop calls it)");
        Assert.Equal("SF1234567890123", fields.Single(f => f.Name == FieldNames.OrderNo).Value);
        Assert.DoesNotContain(fields, f => f.Name == FieldNames.TrackingNo);
    }

    [Fact]
    public void A_label_outweighs_a_bare_digit_run_of_an_order_number_shape()
    {
        var field = Extracted.Field("商品编码 1234567890123456789，订单号 987654321012", FieldNames.OrderNo);
        Assert.Equal("987654321012", field.Value);
        Assert.Equal(NumberClassifier.Labelled, field.Confidence);
    }

    [Fact]
    public void A_bare_long_number_is_an_order_number_with_less_confidence_than_a_labelled_one()
    {
        var bare = Extracted.Field("1234567890123456789 怎么还没发货", FieldNames.OrderNo);
        Assert.InRange(bare.Confidence, 0.5, 0.9);
        Assert.True(bare.Confidence < Extracted.Field("订单号 1234567890123456789", FieldNames.OrderNo).Confidence);
    }

    [Fact]
    public void An_eleven_digit_number_is_a_jd_order_only_when_the_text_speaks_of_jd()
    {
        Assert.Equal("28547012345", Extracted.Value("京东买的，单子 28547012345 没到", FieldNames.OrderNo));
        Assert.Null(Extracted.Value("单子 28547012345 没到", FieldNames.OrderNo));
    }

    [Fact]
    public void A_shops_own_format_is_an_order_number_when_configured_for_its_tenant()
    {
        const string text = "SO-2026-000123 这个单怎么还没发";
        Assert.Null(Extracted.Value(text, FieldNames.OrderNo));
        var shop = new FieldExtractor([OrderNumberFormats.Tenant(@"SO-\d{4}-\d{6}")]);
        var field = shop.Extract(text, FieldSources.Text).Single(f => f.Name == FieldNames.OrderNo);
        Assert.Equal(("SO-2026-000123", 0, 14), (field.Value, field.Start, field.Length));
    }

    [Fact]
    public void The_span_points_into_the_original_text_through_full_width_characters_and_ocr_spaces()
    {
        const string text = "订 单 号 ： １２３４５６７８９０１２３４５６７８９ 谢谢";
        var field = Extracted.Field(text, FieldNames.OrderNo);
        Assert.Equal("１２３４５６７８９０１２３４５６７８９", text.Substring(field.Start, field.Length));
        Assert.Equal(FieldSources.Text, field.Source);
    }

    [Fact]
    public void A_date_or_a_quantity_is_no_order_number()
    {
        Assert.Empty(Extracted.From("2026-11-11 买了 3 件，今天 10:30 还没到"));
    }
}
