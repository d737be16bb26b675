using TicketGrains.Grains.AutoFill.Speech;
using Xunit;

namespace TicketGrains.Tests.AutoFill.Speech;

public sealed class SpokenNumbersTests
{
    [Theory]
    [InlineData("three eight eight", "388")]
    [InlineData("double five", "55")]
    [InlineData("triple seven", "777")]
    [InlineData("one oh two", "102")]
    [InlineData("zero zero one", "001")]
    [InlineData("oh one two three", "0123")]
    [InlineData("nine hundred", "900")]
    [InlineData("nine hundred and twelve", "912")]
    [InlineData("three eighty five", "385")]
    [InlineData("nineteen eighty four", "1984")]
    [InlineData("twenty twenty six", "2026")]
    [InlineData("two thousand and five", "2005")]
    [InlineData("five thousand three hundred", "5300")]
    [InlineData("twenty-three", "23")]
    [InlineData("fifteen", "15")]
    [InlineData("one three eight double oh one two three triple four", "13800123444")]
    [InlineData("double 5 triple 7", "55777")]
    public void Spoken_digits_become_digits(string spoken, string digits) =>
        Assert.Equal(digits, SpokenNumbers.Normalise(spoken));

    [Theory]
    [InlineData("my order number is three eight eight five one two double seven zero four", "my order number is 3885127704")]
    [InlineData("call me on one three nine, one two three four, five six seven eight please", "call me on 13912345678 please")]
    [InlineData("the order is three eight eight. I paid twenty yuan", "the order is 388. I paid 20 yuan")]
    [InlineData("order one two three and tracking four five six", "order 123 and tracking 456")]
    public void Numbers_inside_a_sentence_are_rewritten_and_the_words_around_them_stay(string spoken, string expected) =>
        Assert.Equal(expected, SpokenNumbers.Normalise(spoken));

    [Theory]
    [InlineData("one more thing", "one more thing")]
    [InlineData("I ordered two", "I ordered two")]
    [InlineData("oh no, the parcel is late", "oh no, the parcel is late")]
    [InlineData("a double espresso and a triple shot", "a double espresso and a triple shot")]
    [InlineData("a hundred thanks and a dash of salt", "a hundred thanks and a dash of salt")]
    [InlineData("Oh, and it was broken.", "Oh, and it was broken.")]
    [InlineData("我要退货", "我要退货")]
    [InlineData("", "")]
    public void Ordinary_words_stay_as_they_are(string spoken, string expected) =>
        Assert.Equal(expected, SpokenNumbers.Normalise(spoken));

    [Theory]
    [InlineData("three eight dash four four", "38-44")]
    [InlineData("one two hyphen three", "12-3")]
    [InlineData("two oh two six dash one two dash zero four", "2026-12-04")]
    public void Dash_and_hyphen_are_kept_as_separators(string spoken, string expected) =>
        Assert.Equal(expected, SpokenNumbers.Normalise(spoken));

    [Theory]
    [InlineData("my order is J D three eight eight double five", "my order is JD38855")]
    [InlineData("tracking s f one two three four five", "tracking SF12345")]
    [InlineData("tracking ess eff one two three four five", "tracking SF12345")]
    [InlineData("it is jay dee dash nine nine eight", "it is JD-998")]
    [InlineData("a one two three", "a 123")]
    [InlineData("I one two", "I 12")]
    public void Spelled_letters_before_a_number_are_its_prefix(string spoken, string expected) =>
        Assert.Equal(expected, SpokenNumbers.Normalise(spoken));

    [Fact]
    public void Punctuation_around_a_number_is_kept()
    {
        Assert.Equal("Order (388), please.", SpokenNumbers.Normalise("Order (three eight eight), please."));
        Assert.Equal("It's JD388?", SpokenNumbers.Normalise("It's J D three eight eight?"));
    }

    [Fact]
    public void A_number_the_transcript_already_wrote_as_digits_joins_the_words_next_to_it() =>
        Assert.Equal("order 388123", SpokenNumbers.Normalise("order 388 one two three"));
}
