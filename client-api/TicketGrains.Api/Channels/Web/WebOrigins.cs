namespace TicketGrains.Api.Channels.Web;

/// <summary>
/// Which pages may talk to a web channel from a browser: those whose Origin is in the channel's allowedOrigins, and the
/// product's own (an Origin whose host and port are the request's Host: the hosted form). A browser sets Origin itself
/// and a page cannot change it, so another site's page cannot post as the shop's widget; a script outside a browser can
/// send any Origin, which is why the visitor token, not the Origin, is what binds a message to a visitor.
/// </summary>
public static class WebOrigins
{
    public static IReadOnlyList<string> Parse(string? setting) =>
        [.. (setting ?? "").Split([' ', ',', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Normalise).OfType<string>()];

    public static bool IsAllowed(string? origin, string? allowedSetting, string? host)
    {
        if (Normalise(origin) is not { } given)
        {
            return false;
        }

        return Parse(allowedSetting).Contains(given, StringComparer.Ordinal)
            || (host is { Length: > 0 } && string.Equals(new Uri(given).Authority, host, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>scheme://host[:port] in lower case for an http(s) origin with nothing after the authority; else null.</summary>
    public static string? Normalise(string? origin)
    {
        if (!Uri.TryCreate(origin?.Trim().TrimEnd('/'), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || uri.PathAndQuery != "/" || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            return null;
        }

        return uri.IsDefaultPort ? $"{uri.Scheme}://{uri.IdnHost}" : $"{uri.Scheme}://{uri.IdnHost}:{uri.Port}";
    }
}
