namespace TicketGrains.Grains.AutoFill.Fields;

/// <summary>
/// The UPU S10 item identifier EMS and China Post use for international and many domestic items: two letters, eight
/// serial digits, a check digit, two letters (<c>EA123456785CN</c>). The check digit is 11 minus the weighted sum
/// (8 6 4 2 3 5 9 7) modulo 11, with 10 written 0 and 11 written 5.
/// </summary>
public static class UpuS10
{
    private static readonly int[] Weights = [8, 6, 4, 2, 3, 5, 9, 7];

    public static bool HasShape(string id) =>
        id.Length == 13 && char.IsAsciiLetterUpper(id[0]) && char.IsAsciiLetterUpper(id[1])
        && id.AsSpan(2, 9).IndexOfAnyExceptInRange('0', '9') < 0
        && char.IsAsciiLetterUpper(id[11]) && char.IsAsciiLetterUpper(id[12]);

    public static bool IsValid(string id)
    {
        if (!HasShape(id))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < Weights.Length; i++)
        {
            sum += (id[2 + i] - '0') * Weights[i];
        }

        var check = 11 - (sum % 11);
        check = check switch { 10 => 0, 11 => 5, _ => check };
        return id[10] - '0' == check;
    }
}
