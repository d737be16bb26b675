namespace TicketGrains.Api.Infrastructure;

/// <summary>
/// Who performs a command, recorded in its event. Until authentication lands (its own issue) the
/// caller names itself in X-Actor; otherwise it is "api".
/// </summary>
public static class Actor
{
    public const string Header = "X-Actor";

    public static string Of(HttpContext context)
    {
        var value = context.Request.Headers[Header].ToString();
        return value.Length is > 0 and <= 64 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '@') ? value : "api";
    }
}
