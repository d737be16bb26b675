using TicketGrains.Grains.AutoFill.Speech;
using Xunit;

namespace TicketGrains.Tests.AutoFill.Speech;

public sealed class DigitWindowsTests
{
    /// <summary>Words one after another, 0.3 s each.</summary>
    private static List<TimedWord> Heard(string transcript) =>
        transcript.Split(' ').Select((w, i) => new TimedWord(w, i * 0.3, i * 0.3 + 0.3, 0.9)).ToList();

    [Fact]
    public void A_number_with_one_misheard_word_inside_is_one_window()
    {
        var words = Heard("my order number is three eighty five volunteers double seven zero please");

        var window = Assert.Single(DigitWindows.Find(words));

        Assert.Equal((4, 11, false), (window.First, window.End, window.WithLetters));
        Assert.Equal(4 * 0.3 - DigitWindows.Padding, window.Start, 3);
        Assert.Equal(11 * 0.3 + DigitWindows.Padding, window.Stop, 3);
    }

    [Fact]
    public void Spelled_letters_before_it_are_taken_in()
    {
        var words = Heard("it is j d three eighty for me");

        var window = Assert.Single(DigitWindows.Find(words));

        Assert.Equal((2, 6, true), (window.First, window.End, window.WithLetters));
    }

    [Fact]
    public void A_lone_number_word_or_one_far_from_the_next_is_no_window()
    {
        Assert.Empty(DigitWindows.Find(Heard("I want one refund for my order")));
        var apart = new List<TimedWord>
        {
            new("one", 0, 0.3, 1), new("extraordinarily", 0.3, 1.4, 1), new("two", 1.4, 1.7, 1),
        };
        Assert.Empty(DigitWindows.Find(apart));
    }

    [Fact]
    public void Two_short_stray_words_inside_a_number_are_bridged_but_not_two_long_ones()
    {
        var window = Assert.Single(DigitWindows.Find(Heard("my phone is one five three double dare of five six nine six thank you")));
        var apart = new List<TimedWord>
        {
            new("one", 0, 0.3, 1), new("twenty", 0.3, 0.6, 1), new("wonderful", 0.6, 1.2, 1), new("afternoon", 1.2, 1.9, 1),
            new("thirty", 1.9, 2.2, 1), new("four", 2.2, 2.5, 1),
        };

        Assert.Equal((3, 13), (window.First, window.End));
        Assert.Equal([(0, 2), (4, 6)], DigitWindows.Find(apart).Select(w => (w.First, w.End)));
    }

    [Fact]
    public void A_stray_word_before_a_single_number_word_ends_the_window()
    {
        var window = Assert.Single(DigitWindows.Find(Heard("you can reach me one eighty zero after six")));

        Assert.Equal((4, 7), (window.First, window.End));
    }

    [Fact]
    public void A_stray_word_that_sounds_like_a_digit_before_the_last_number_word_stays_in_the_window()
    {
        var window = Assert.Single(DigitWindows.Find(Heard("you can reach me one eighty zero to six")));

        Assert.Equal((4, 9), (window.First, window.End));
    }

    [Fact]
    public void Two_numbers_apart_are_two_windows()
    {
        var windows = DigitWindows.Find(Heard("order one twenty three and then my phone is four fifty six"));

        Assert.Equal([(1, 4), (9, 12)], windows.Select(w => (w.First, w.End)));
    }

    [Fact]
    public void The_first_window_starts_at_the_beginning_of_the_note_at_the_earliest() =>
        Assert.Equal(0, Assert.Single(DigitWindows.Find(Heard("three eighty eight"))).Start);

    [Fact]
    public void A_number_heard_digit_by_digit_is_left_to_the_general_model() =>
        Assert.Empty(DigitWindows.Find(Heard("my order is three eight eight double five oh one please")));

    [Fact]
    public void A_window_where_hundreds_were_heard_is_decoded_with_cardinals_and_one_read_digit_by_digit_without()
    {
        var cardinal = Assert.Single(DigitWindows.Find(Heard("I paid nine hundred and twelve yuan")));
        var digits = Assert.Single(DigitWindows.Find(Heard("order three eighty two five")));

        Assert.Equal((true, false), (cardinal.WithCardinals, digits.WithCardinals));
        Assert.Contains("public <number> = [<edge>] (<digit> | <cardinal>)+ [<edge>];", DigitGrammar.For(cardinal), StringComparison.Ordinal);
        Assert.Contains("public <number> = [<edge>] <digit>+ [<edge>];", DigitGrammar.For(digits), StringComparison.Ordinal);
        Assert.Contains("public <number> = [<edge>] <letter>+ <digit>+ [<edge>];", DigitGrammar.For(digits with { WithLetters = true }), StringComparison.Ordinal);
        Assert.Equal(["numbers-c.gram", "numbers-.gram", "numbers-l.gram"],
            new[] { DigitGrammar.FileName(cardinal), DigitGrammar.FileName(digits), DigitGrammar.FileName(digits with { WithLetters = true }) });
    }
}
