using TicketGrains.Grains.AutoFill.Fields;
using Xunit;

namespace TicketGrains.Tests.AutoFill.Fields;

public sealed class PhoneTests
{
    [Theory]
    [InlineData("手机 13812345678", "13812345678")]
    [InlineData("电话：138 1234 5678", "13812345678")]
    [InlineData("call me on +86 139-1234-5678", "13912345678")]
    [InlineData("0086 19912345678", "19912345678")]
    [InlineData("联系我１５８１２３４５６７８", "15812345678")]
    [InlineData("Tel: 17712345678", "17712345678")]
    public void Mainland_mobile_numbers_are_found_however_written(string text, string phone) =>
        Assert.Equal(phone, Extracted.Value(text, FieldNames.Phone));

    [Theory]
    [InlineData("12812345678")]
    [InlineData("138123456789")]
    [InlineData("0571-88886666")]
    [InlineData("单号 13812345678")]
    public void Other_numbers_are_no_mobile_number(string text) =>
        Assert.Null(Extracted.Value(text, FieldNames.Phone));

    [Fact]
    public void A_labelled_phone_is_surer_than_a_bare_one() =>
        Assert.True(Extracted.Field("手机 13812345678", FieldNames.Phone).Confidence > Extracted.Field("13812345678", FieldNames.Phone).Confidence);
}
