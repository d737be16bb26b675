using TicketGrains.Grains.AutoFill.Fields;
using Xunit;

namespace TicketGrains.Tests.AutoFill.Fields;

public sealed class AmountTests
{
    [Theory]
    [InlineData("实付 ¥128.50", "128.50")]
    [InlineData("实付款：￥1,299.00", "1299.00")]
    [InlineData("一共花了 99 元", "99.00")]
    [InlineData("退我 35.5元", "35.50")]
    [InlineData("Total: 1299", "1299.00")]
    [InlineData("Grand total RMB 88.8", "88.80")]
    [InlineData("paid CNY 45", "45.00")]
    [InlineData("合计：２５６．００元", "256.00")]
    [InlineData("¥ 19.9", "19.90")]
    [InlineData("实付款 Y256.00", "256.00")]
    public void Amounts_are_found_in_every_notation(string text, string amount) =>
        Assert.Equal(amount, Extracted.Value(text, FieldNames.Amount));

    [Fact]
    public void What_was_paid_outweighs_prices_shipping_and_discounts()
    {
        const string page = "商品单价 ¥159.00\n运费 ¥10.00\n优惠 -¥20.00\n实付款 ¥149.00";
        var field = Extracted.Field(page, FieldNames.Amount);
        Assert.Equal(("149.00", 0.95), (field.Value, field.Confidence));
    }

    [Theory]
    [InlineData("买了 3 件")]
    [InlineData("10:30 发货")]
    [InlineData("订单号 123456789012345678")]
    public void Numbers_without_money_are_no_amount(string text) =>
        Assert.Null(Extracted.Value(text, FieldNames.Amount));
}
