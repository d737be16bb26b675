using TicketGrains.Api.Privacy;
using Xunit;

namespace TicketGrains.Tests.Privacy;

public sealed class FreeTextMaskTests
{
    [Theory]
    [InlineData("请联系我 13812345678 谢谢", "请联系我 138****5678 谢谢")]
    [InlineData("手机13812345678，邮箱zhang.san@example.com", "手机138****5678，邮箱z***@example.com")]
    [InlineData("call +86 138 1234 5678 or 010-12345678", "call +86 138 **** 5678 or 010-****5678")]
    [InlineData("US office: +1 415-555-2671.", "US office: +1 415-***-2671.")]
    [InlineData("身份证 110101199003071234 已上传", "身份证 110***********1234 已上传")]
    [InlineData("ID 11010119900307123x", "ID 110***********123x")]
    [InlineData("退款到 6222 0212 3456 7894 这张卡", "退款到 **** **** **** 7894 这张卡")]
    [InlineData("card 4111111111111111 please", "card ************1111 please")]
    [InlineData("寄到浙江省杭州市西湖区文三路 90 号，谢谢", "寄到浙江省杭州市西湖区****，谢谢")]
    [InlineData("ship to 1600 Amphitheatre Parkway, Mountain View", "ship to ****, Mountain View")]
    public void Personal_data_inside_text_is_masked_in_place(string text, string masked) =>
        Assert.Equal(masked, FreeTextMask.Mask(text));

    [Theory]
    [InlineData("Order 20261111-42: the parcel has not moved for three days.")]
    [InlineData("订单号 4200001234567890123 物流单号 SF1234567890123")]
    [InlineData("Refund of 1299.00 CNY on 2026-11-25 10:30")]
    [InlineData("Ticket 1bde6e51-3c57-4c28-9a61-2b3b1d4e8f00 reopened")]
    [InlineData("")]
    public void Order_numbers_amounts_dates_and_ids_stay_readable(string text) =>
        Assert.Equal(text, FreeTextMask.Mask(text));

    [Theory]
    [InlineData("4111111111111111", true)]
    [InlineData("6222 0212 3456 7894", true)]
    [InlineData("4111111111111112", false)]
    [InlineData("12345", false)]
    public void The_card_checksum_is_the_Luhn_one(string number, bool valid) =>
        Assert.Equal(valid, FreeTextMask.IsLuhnValid(number));
}
