using TicketGrains.Grains.AutoFill.Intents;
using Xunit;

namespace TicketGrains.Tests.AutoFill.Intents;

/// <summary>What the model reads of a message: jieba's words from the package's dictionary, numbers folded, width and case folded.</summary>
public sealed class IntentTextTests
{
    [Fact]
    public void Chinese_is_cut_into_dictionary_words()
    {
        Assert.Equal("我 的 快递 怎么 还 没到", IntentText.Words("我的快递怎么还没到"));
    }

    [Fact]
    public void Every_kind_of_number_becomes_the_same_word()
    {
        Assert.Equal(
            $"订单号 {IntentText.Number} 退款 , 运单 {IntentText.Number} , 尾号 {IntentText.Number}",
            IntentText.Words("订单号20261111-42退款，运单SF1234567890123，尾号4521"));
    }

    [Fact]
    public void Full_width_and_upper_case_read_as_ascii_lower_case()
    {
        Assert.Equal(IntentText.Words("refund please"), IntentText.Words("ＲＥＦＵＮＤ　Please"));
    }

    [Fact]
    public void Mixed_chinese_and_english_keeps_both()
    {
        Assert.Equal("refund 我 的 退款 呢 😭", IntentText.Words("Refund我的退款呢😭"));
    }

    [Fact]
    public void Whitespace_only_gives_no_words()
    {
        Assert.Equal("", IntentText.Words(" \n\t "));
    }
}
