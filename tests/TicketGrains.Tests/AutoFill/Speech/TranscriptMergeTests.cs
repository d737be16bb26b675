using TicketGrains.Grains.AutoFill.Speech;
using Xunit;

namespace TicketGrains.Tests.AutoFill.Speech;

public sealed class TranscriptMergeTests
{
    private static readonly List<TimedWord> Words =
        "my order is three eighty five volunteers double seven thanks".Split(' ').Select((w, i) => new TimedWord(w, i, i + 1, 1)).ToList();

    [Fact]
    public void A_window_is_replaced_by_what_the_digit_grammar_heard_without_dashes_at_its_edges()
    {
        var merged = TranscriptMerge.Merge(Words, [new DigitWindow(3, 9, 3, 9, false, false)],
            [["dash", "three", "eight", "eight", "five", "one", "two", "double", "seven", "dash"]]);

        Assert.Equal("my order is three eight eight five one two double seven thanks", string.Join(' ', merged));
    }

    [Fact]
    public void A_window_the_grammar_heard_nothing_in_keeps_the_general_words() =>
        Assert.Equal(Words.Select(w => w.Word), TranscriptMerge.Merge(Words, [new DigitWindow(3, 9, 3, 9, false, false)], [["dash"]]));
}
