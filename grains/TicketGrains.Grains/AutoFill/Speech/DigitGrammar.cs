namespace TicketGrains.Grains.AutoFill.Speech;

/// <summary>
/// The JSGF grammars a number's stretch of audio is decoded with again: number words (digits, "oh", teens, tens,
/// hundred, thousand, double, triple, dash), after spelled letters when the general model heard some. A short word
/// may take either edge, so the end of "is" or the start of "please" is not forced into a digit; none of those words
/// sounds like a digit ("for", "to" and "a" are left out on purpose).
/// </summary>
public static class DigitGrammar
{
    public const string NumbersFile = "numbers.gram";
    public const string LettersFile = "letters-numbers.gram";

    private const string Rules = """
        <edge> = is | on | at | me | my | and | the | it's | please | thanks | thank you | hey | number | order | phone;
        <item> = <digit> | <teen> | <tens> | hundred | thousand | double | triple | dash;
        <digit> = zero | oh | one | two | three | four | five | six | seven | eight | nine;
        <teen> = ten | eleven | twelve | thirteen | fourteen | fifteen | sixteen | seventeen | eighteen | nineteen;
        <tens> = twenty | thirty | forty | fifty | sixty | seventy | eighty | ninety;
        <letter> = b | c | d | e | f | g | h | j | k | l | m | n | p | q | r | s | t | u | v | w | x | y | z;
        """;

    public static string Numbers => $"""
        #JSGF V1.0;
        grammar numbers;
        public <number> = [<edge>] <item>+ [<edge>];
        {Rules}
        """;

    public static string LettersThenNumbers => $"""
        #JSGF V1.0;
        grammar lettersnumbers;
        public <number> = [<edge>] <letter>+ <item>+ [<edge>];
        {Rules}
        """;
}
