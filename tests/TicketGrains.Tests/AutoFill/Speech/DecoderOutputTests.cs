using TicketGrains.Grains.AutoFill.Speech;
using Xunit;

namespace TicketGrains.Tests.AutoFill.Speech;

public sealed class DecoderOutputTests
{
    [Fact]
    public void Timed_words_are_read_without_silences_noises_alternatives_or_empty_grammar_steps()
    {
        const string output = """
            my order number is three
            <s> 0.000 0.200 0.998801
            my 0.210 0.410 0.327152
            order(2) 0.420 0.670 0.288274
            <sil> 0.680 0.700 1.000000
            [NOISE] 0.700 0.800 1.000000
            (NULL) 0.800 0.800 1.000000
            three 1.180 1.430 1.5
            </s> 1.440 1.500 1.000000
            """;

        Assert.Equal(
            [new TimedWord("my", 0.21, 0.41, 0.327152), new TimedWord("order", 0.42, 0.67, 0.288274), new TimedWord("three", 1.18, 1.43, 1)],
            DecoderOutput.Words(output));
    }

    [Fact]
    public void A_hypothesis_line_of_four_words_is_not_taken_for_a_timing() =>
        Assert.Empty(DecoderOutput.Words("one two three four\n"));
}
