namespace TicketGrains.Grains.AutoFill.Speech;

/// <summary>
/// The JSGF grammars a number's stretch of audio is decoded with again: digits, "oh", double, triple and dash (numbers
/// read digit by digit, as order and phone numbers are), with teens, tens, hundred and thousand only when the general
/// model heard "hundred" or "thousand" there (with them always, "eight two" came back as "eighty two"), after spelled
/// letters when it heard some. A short word may take either edge, so the end of "is" or the start of "please" is not
/// forced into a digit; none of those words sounds like a digit ("for", "to" and "a" are left out on purpose).
/// </summary>
public static class DigitGrammar
{
    private const string Rules = """
        <edge> = is | on | at | me | my | and | the | it's | please | thanks | thank you | hey | number | order | phone;
        <digit> = zero | oh | one | two | three | four | five | six | seven | eight | nine | double | triple | dash;
        <cardinal> = ten | eleven | twelve | thirteen | fourteen | fifteen | sixteen | seventeen | eighteen | nineteen
            | twenty | thirty | forty | fifty | sixty | seventy | eighty | ninety | hundred | thousand;
        <letter> = b | c | d | e | f | g | h | j | k | l | m | n | p | q | r | s | t | u | v | w | x | y | z;
        """;

    /// <summary>The file name of the grammar for a window, so each is written once per note.</summary>
    public static string FileName(DigitWindow window) => $"numbers-{(window.WithLetters ? "l" : "")}{(window.WithCardinals ? "c" : "")}.gram";

    public static string For(DigitWindow window)
    {
        var item = window.WithCardinals ? "(<digit> | <cardinal>)" : "<digit>";
        var letters = window.WithLetters ? "<letter>+ " : "";
        return $"""
            #JSGF V1.0;
            grammar numbers;
            public <number> = [<edge>] {letters}{item}+ [<edge>];
            {Rules}
            """;
    }
}
