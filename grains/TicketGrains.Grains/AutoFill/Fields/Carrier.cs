using System.Text.RegularExpressions;

namespace TicketGrains.Grains.AutoFill.Fields;

/// <summary>
/// A parcel carrier: the <see cref="Code"/> proposed as the <c>carrier</c> field, the names a customer or an order page
/// calls it by (Chinese and English), the tracking-number formats only it uses (<see cref="Prefixed"/>: its letters or
/// the UPU S10 shape, enough on their own) and the all-digit formats it shares with others and with order numbers
/// (<see cref="Digits"/>: taken only with a tracking label or the carrier's name nearby).
/// </summary>
public sealed record Carrier(string Code, IReadOnlyList<string> Names, Regex? Prefixed, Regex? Digits)
{
    /// <summary>Whether the (upper-case) number is one of this carrier's own formats, with its check rule where it has one.</summary>
    public bool OwnsFormat(string number) => Prefixed is { } prefixed && prefixed.IsMatch(number) && PassesCheck(number);

    public bool FitsDigits(string number) => Digits is { } digits && digits.IsMatch(number);

    private bool PassesCheck(string number) => !UpuS10.HasShape(number) || UpuS10.IsValid(number);
}
