using TicketGrains.Grains.AutoFill.Fields;
using Xunit;

namespace TicketGrains.Tests.AutoFill.Fields;

public sealed class CarrierTests
{
    [Theory]
    [InlineData("发的顺丰吗？", "SF")]
    [InlineData("Shipped with SF Express yesterday", "SF")]
    [InlineData("圆通速递 派送中", "YTO")]
    [InlineData("中通的快递员不接电话", "ZTO")]
    [InlineData("申通到哪了", "STO")]
    [InlineData("韵达显示签收", "Yunda")]
    [InlineData("京东物流很快", "JD")]
    [InlineData("J&T Express lost my parcel", "J&T")]
    [InlineData("极兔速递 派件", "J&T")]
    [InlineData("邮政的包裹", "EMS")]
    [InlineData("EMS still not here", "EMS")]
    [InlineData("德邦物流 大件", "Deppon")]
    [InlineData("deppon truck", "Deppon")]
    public void Carriers_are_found_by_their_names_in_chinese_and_english(string text, string carrier) =>
        Assert.Equal(carrier, Extracted.Value(text, FieldNames.Carrier));

    [Theory]
    [InlineData("The STORE said 3 ITEMS were sent")]
    [InlineData("京东买的衣服")]
    [InlineData("systems are down")]
    public void Words_that_contain_a_carriers_name_are_no_mention(string text) =>
        Assert.Null(Extracted.Value(text, FieldNames.Carrier));

    [Fact]
    public void The_carrier_named_nearest_the_tracking_number_is_the_one_taken()
    {
        var field = Extracted.Field("本来要发顺丰，后来改成中通了，单号 75312345678901", FieldNames.Carrier);
        Assert.Equal("ZTO", field.Value);
    }
}
