using System.Globalization;

namespace TicketGrains.Api.Privacy;

/// <summary>Personal names: the first character and one star, whatever the length (<c>张三</c> → <c>张*</c>, <c>Li Lei</c> → <c>L*</c>).</summary>
public static class NameMask
{
    public static string Mask(string name)
    {
        var value = name.Trim();
        // A text element, not a char: a name may start with a character outside the basic plane.
        return value.Length == 0 ? "" : StringInfo.GetNextTextElement(value) + "*";
    }
}
