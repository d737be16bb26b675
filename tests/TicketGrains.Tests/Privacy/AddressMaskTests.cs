using TicketGrains.Api.Privacy;
using Xunit;

namespace TicketGrains.Tests.Privacy;

public sealed class AddressMaskTests
{
    [Theory]
    [InlineData("浙江省杭州市西湖区文三路 90 号", "浙江省杭州市西湖区****")]
    [InlineData("北京市朝阳区建国路88号SOHO现代城", "北京市朝阳区****")]
    [InlineData("上海市浦东新区世纪大道100号", "上海市浦东新区****")]
    [InlineData("广西壮族自治区南宁市青秀区民族大道 1 号", "广西壮族自治区南宁市青秀区****")]
    [InlineData("新疆维吾尔自治区阿克苏地区库车市天山路", "新疆维吾尔自治区阿克苏地区库车市****")]
    [InlineData("浙江省桐庐县城南街道市场路 5 号", "浙江省桐庐县****")]
    [InlineData("内蒙古自治区锡林郭勒盟正蓝旗上都镇", "内蒙古自治区锡林郭勒盟正蓝旗****")]
    [InlineData("广东省深圳市南山区", "广东省深圳市南山区****")]
    [InlineData("浙江省杭州市文三路90号", "浙江省杭州市****")]
    [InlineData("文三路90号", "****")]
    public void Chinese_addresses_keep_province_city_and_district(string address, string masked) =>
        Assert.Equal(masked, AddressMask.Mask(address));

    [Theory]
    [InlineData("1600 Amphitheatre Parkway, Mountain View, CA 94043, USA", "****, Mountain View, CA ****, USA")]
    [InlineData("Flat 2, 10 Downing Street, London SW1A 2AA, UK", "****, London **** ****, UK")]
    [InlineData("221B Baker Street", "****")]
    [InlineData("Mountain View, CA", "****, CA")]
    [InlineData("", "")]
    public void English_addresses_lose_street_lines_and_numbers(string address, string masked) =>
        Assert.Equal(masked, AddressMask.Mask(address));
}
