namespace TicketGrains.Grains.AutoFill.Fields;

/// <summary>
/// A run of letters, digits and dashes with enough digits to be an order, tracking or phone number, at
/// <see cref="Start"/> in the shaped text; <see cref="Value"/> is upper-case, with OCR's letter-for-digit slips in its
/// digit part mended (O → 0, l / I → 1).
/// </summary>
public sealed record NumberToken(string Value, int Start, int Length)
{
    public int DigitCount => Value.Count(char.IsAsciiDigit);

    public bool IsAllDigits => Value.Length > 0 && Value.All(char.IsAsciiDigit);
}
