using TicketGrains.Grains.AutoFill.Fields;
using Xunit;

namespace TicketGrains.Tests.AutoFill.Fields;

public sealed class TrackingNumberTests
{
    [Theory]
    [InlineData("顺丰单号 SF1234567890123 三天没动了", "SF1234567890123", "SF")]
    [InlineData("sf1234567890123", "SF1234567890123", "SF")]
    [InlineData("圆通 YT1234567890123", "YT1234567890123", "YTO")]
    [InlineData("京东快递 JDVA12345678901", "JDVA12345678901", "JD")]
    [InlineData("JD0012345678901 到哪了", "JD0012345678901", "JD")]
    [InlineData("极兔 JT5012345678901 显示已签收但我没收到", "JT5012345678901", "J&T")]
    [InlineData("EMS EA123456785CN", "EA123456785CN", "EMS")]
    [InlineData("国际件 RR123456785CN", "RR123456785CN", "EMS")]
    [InlineData("德邦 DPK123456789012", "DPK123456789012", "Deppon")]
    [InlineData("中通快递 75312345678901 一直没更新", "75312345678901", "ZTO")]
    [InlineData("申通 7731234567890", "7731234567890", "STO")]
    [InlineData("韵达单号4312345678901", "4312345678901", "Yunda")]
    [InlineData("Tracking No.: 75312345678901 (ZTO Express)", "75312345678901", "ZTO")]
    [InlineData("运单号：７７３１２３４５６７８９０", "7731234567890", "STO")]
    [InlineData("快递单号: SFl23456789O123", "SF1234567890123", "SF")]
    public void Tracking_numbers_and_their_carriers_are_found(string text, string trackingNo, string carrier)
    {
        Assert.Equal(trackingNo, Extracted.Value(text, FieldNames.TrackingNo));
        Assert.Equal(carrier, Extracted.Value(text, FieldNames.Carrier));
    }

    [Fact]
    public void An_s10_number_with_a_wrong_check_digit_is_no_ems_number()
    {
        Assert.True(UpuS10.IsValid("EA123456785CN"));
        Assert.False(UpuS10.IsValid("EA123456786CN"));
        Assert.Null(Extracted.Value("EA123456786CN", FieldNames.TrackingNo));
    }

    [Fact]
    public void A_tracking_label_makes_any_number_a_tracking_number()
    {
        var field = Extracted.Field("快递单号：1234567", FieldNames.TrackingNo);
        Assert.Equal(("1234567", NumberClassifier.Labelled), (field.Value, field.Confidence));
    }

    [Fact]
    public void Order_and_tracking_numbers_in_one_text_are_told_apart()
    {
        var fields = Extracted.From("订单号：3456789012345678901\n物流：顺丰速运 运单号：SF1234567890123\n收货人 李雷 13812345678");
        Assert.Equal("3456789012345678901", fields.Single(f => f.Name == FieldNames.OrderNo).Value);
        Assert.Equal("SF1234567890123", fields.Single(f => f.Name == FieldNames.TrackingNo).Value);
        Assert.Equal("SF", fields.Single(f => f.Name == FieldNames.Carrier).Value);
        Assert.Equal(0.95, fields.Single(f => f.Name == FieldNames.Carrier).Confidence);
        Assert.Equal("13812345678", fields.Single(f => f.Name == FieldNames.Phone).Value);
    }

    [Fact]
    public void A_bare_digit_run_of_a_shared_shape_is_a_weak_tracking_guess()
    {
        var field = Extracted.Field("75312345678901", FieldNames.TrackingNo);
        Assert.True(field.Confidence < 0.5);
    }
}
