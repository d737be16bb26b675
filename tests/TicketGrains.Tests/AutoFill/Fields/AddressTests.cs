using TicketGrains.Grains.AutoFill.Fields;
using Xunit;

namespace TicketGrains.Tests.AutoFill.Fields;

public sealed class AddressTests
{
    [Theory]
    [InlineData("收货地址：浙江省杭州市西湖区文三路90号 李雷 13812345678", "浙江省杭州市西湖区文三路90号")]
    [InlineData("寄到 北京市朝阳区建国路88号SOHO现代城，谢谢", "北京市朝阳区建国路88号SOHO现代城")]
    [InlineData("上海市浦东新区世纪大道 100 号", "上海市浦东新区世纪大道100号")]
    [InlineData("广西壮族自治区南宁市青秀区民族大道1号\n电话 13812345678", "广西壮族自治区南宁市青秀区民族大道1号")]
    [InlineData("地址 新疆维吾尔自治区阿克苏地区库车市天山路", "新疆维吾尔自治区阿克苏地区库车市天山路")]
    [InlineData("广东深圳市南山区科技园", "广东深圳市南山区科技园")]
    [InlineData("内蒙古自治区锡林郭勒盟正蓝旗上都镇", "内蒙古自治区锡林郭勒盟正蓝旗上都镇")]
    public void Chinese_addresses_are_found_to_the_district_and_beyond(string text, string address) =>
        Assert.Equal(address, Extracted.Value(text, FieldNames.Address));

    [Fact]
    public void Province_city_and_district_are_surer_than_province_and_city()
    {
        Assert.Equal(0.9, Extracted.Field("浙江省杭州市西湖区文三路", FieldNames.Address).Confidence);
        Assert.True(Extracted.Field("浙江省杭州市文三路", FieldNames.Address).Confidence < 0.9);
    }

    [Theory]
    [InlineData("我在上海等了三天")]
    [InlineData("浙江的朋友推荐的")]
    public void A_place_named_in_a_sentence_is_no_address(string text) =>
        Assert.Null(Extracted.Value(text, FieldNames.Address));
}
