using TicketGrains.Abstractions.Errors;

namespace TicketGrains.Api.Infrastructure;

/// <summary>
/// The tenant (shop) of a request, from the X-Tenant-Id header; the single-shop default is "default".
/// Authentication (its own issue) will bind the tenant to the caller's credentials.
/// </summary>
public static class Tenant
{
    public const string Header = "X-Tenant-Id";
    public const string Default = "default";

    public static string Of(HttpContext context)
    {
        var value = context.Request.Headers[Header].ToString();
        if (string.IsNullOrEmpty(value))
        {
            return Default;
        }

        return IsValid(value) ? value : throw new InvalidFieldException(Header, "A tenant id is 1-64 lowercase letters, digits or '-'.");
    }

    public static bool IsValid(string value) =>
        value.Length is > 0 and <= 64 && value.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}
