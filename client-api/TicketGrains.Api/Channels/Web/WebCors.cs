namespace TicketGrains.Api.Channels.Web;

/// <summary>
/// Cross-origin answers for the widget on the shop's own site: the allowed page's origin (never "*"), and for a
/// preflight the methods and headers the widget sends.
/// </summary>
public static class WebCors
{
    public static readonly TimeSpan PreflightCache = TimeSpan.FromMinutes(10);

    /// <summary>Set when the response starts, so an error answer (the exception handler clears the response) is readable too.</summary>
    public static void Allow(HttpResponse response, string origin) => response.OnStarting(() =>
    {
        response.Headers.AccessControlAllowOrigin = origin;
        response.Headers.Vary = "Origin";
        return Task.CompletedTask;
    });

    public static void AllowPreflight(HttpResponse response, string origin)
    {
        response.Headers.AccessControlAllowOrigin = origin;
        response.Headers.Vary = "Origin";
        response.Headers.AccessControlAllowMethods = "GET, POST";
        response.Headers.AccessControlAllowHeaders = $"Content-Type, {WebRequestChecks.TokenHeader}";
        response.Headers.AccessControlMaxAge = ((int)PreflightCache.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
