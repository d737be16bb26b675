using System.Text.RegularExpressions;

namespace TicketGrains.Grains.AutoFill.Fields;

/// <summary>
/// One way a platform or a shop writes its order numbers: a pattern the whole (upper-case) number must match, and the
/// confidence an unlabelled number of that shape earns.
/// </summary>
public sealed record OrderNumberFormat(string Name, Regex Pattern, double Confidence)
{
    public bool Matches(string number) => Pattern.IsMatch(number);
}
