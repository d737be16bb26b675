using TicketGrains.Grains.AutoFill.Speech;
using Xunit;

namespace TicketGrains.Tests.AutoFill.Speech;

public sealed class ChineseDigitsTests
{
    [Theory]
    [InlineData("订单号三八八五一二", "订单号388512")]
    [InlineData("电话幺三八零零一二三四五六", "电话13800123456")]
    [InlineData("单号是二〇二六一二零四，谢谢", "单号是20261204，谢谢")]
    [InlineData("两两三三", "2233")]
    public void A_number_spelled_digit_by_digit_in_characters_becomes_digits(string recognised, string expected) =>
        Assert.Equal(expected, ChineseDigits.Normalise(recognised));

    [Theory]
    [InlineData("三四天还没到")]
    [InlineData("买了一两个")]
    [InlineData("我要退货")]
    [InlineData("第一二三")]
    [InlineData("")]
    public void Short_runs_and_ordinary_text_stay(string recognised) =>
        Assert.Equal(recognised, ChineseDigits.Normalise(recognised));
}
