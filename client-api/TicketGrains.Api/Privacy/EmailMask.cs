using System.Globalization;

namespace TicketGrains.Api.Privacy;

/// <summary>E-mail addresses: the first character of the local part and the domain (<c>zhang.san@example.com</c> → <c>z***@example.com</c>).</summary>
public static class EmailMask
{
    public static string Mask(string email)
    {
        var value = email.Trim();
        if (value.Length == 0)
        {
            return "";
        }

        var at = value.LastIndexOf('@');
        var first = StringInfo.GetNextTextElement(value);
        return at <= 0 ? first + "***" : first + "***" + value[at..];
    }
}
