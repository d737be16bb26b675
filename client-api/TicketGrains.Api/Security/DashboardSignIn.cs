using System.Net;

namespace TicketGrains.Api.Security;

/// <summary>
/// Browsers cannot add a bearer header to a page load, so the Orleans dashboard also accepts the operator's token
/// from a cookie set by /dashboard-login. The cookie is HttpOnly, SameSite=Strict and scoped to /dashboard, so it
/// is sent nowhere else and no other page's script can read it; the token in it is validated on every request
/// exactly like a header token.
/// </summary>
public static class DashboardSignIn
{
    public const string CookieName = "tg_dashboard";
    public const string LoginPath = "/dashboard-login";
    public const string DashboardPath = "/dashboard";

    public static IEndpointRouteBuilder MapDashboardSignIn(this IEndpointRouteBuilder app)
    {
        var auth = app.ServiceProvider.GetRequiredService<AuthOptions>();
        var page = LoginPage(auth);
        app.MapGet(LoginPath, () => Results.Content(page, "text/html; charset=utf-8")).AllowAnonymous().ExcludeFromDescription();
        app.MapPost(LoginPath, SignIn).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        return app;
    }

    /// <summary>The cookie's token for dashboard requests that carry no Authorization header.</summary>
    public static string? TokenFor(HttpRequest request) =>
        request.Path.StartsWithSegments(DashboardPath) && !request.Headers.ContainsKey("Authorization")
            ? request.Cookies[CookieName]
            : null;

    /// <summary>A browser that opens the dashboard without a credential is sent to the sign-in page, not shown a 401 body.</summary>
    public static bool ShouldRedirect(HttpContext context) =>
        context.Request.Path.StartsWithSegments(DashboardPath)
        && HttpMethods.IsGet(context.Request.Method)
        && context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);

    private static async Task<IResult> SignIn(HttpRequest request, HttpResponse response)
    {
        if (!request.HasFormContentType)
        {
            return Results.Problem(statusCode: 415, title: "Unsupported media type.", detail: "Post the form field 'token' as application/x-www-form-urlencoded.");
        }

        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        var token = form["token"].ToString().Trim();
        if (token.Length is 0 or > 8192 || token.Any(char.IsWhiteSpace))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["token"] = ["Paste one bearer token (a JWT) of an operator admin."] });
        }

        response.Cookies.Append(CookieName, token, new CookieOptions
        {
            HttpOnly = true,
            Secure = request.IsHttps,
            SameSite = SameSiteMode.Strict,
            Path = DashboardPath,
        });
        return Results.Redirect(DashboardPath + "/", permanent: false, preserveMethod: false);
    }

    private static string LoginPage(AuthOptions auth)
    {
        // With the development issuer on, anyone reaching the API can mint an operator token anyway, so the page
        // fetches one and signs in by itself: `./run.sh` then opens the dashboard in one click.
        var devScript = auth.DevIssuer
            ? $$"""
              <p id="dev">Development issuer is on: signing in as an admin of '{{WebUtility.HtmlEncode(auth.OperatorTenant)}}'…</p>
              <script>
              fetch('/api/v1/dev/tokens', {method: 'POST', headers: {'Content-Type': 'application/json'},
                body: JSON.stringify({tenant: {{System.Text.Json.JsonSerializer.Serialize(auth.OperatorTenant)}}, subject: 'dashboard', roles: ['admin'], lifetimeMinutes: 720})})
                .then(r => r.ok ? r.json() : Promise.reject(r.status))
                .then(t => { document.getElementById('token').value = t.token; document.getElementById('f').submit(); })
                .catch(e => { document.getElementById('dev').textContent = 'Could not get a development token (' + e + ').'; });
              </script>
              """
            : "";
        return $$"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>TicketGrains dashboard sign-in</title>
            <style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:40rem;color:#222}
            textarea{width:100%;height:8rem;font-family:monospace}</style></head>
            <body><h1>Orleans dashboard</h1>
            <p>The dashboard shows every shop's grains, so it is for admins of the operator tenant
            ('{{WebUtility.HtmlEncode(auth.OperatorTenant)}}'). Paste such a bearer token.</p>
            <form id="f" method="post" action="{{LoginPath}}">
            <textarea id="token" name="token" required></textarea><p><button type="submit">Sign in</button></p></form>
            {{devScript}}
            </body></html>
            """;
    }
}
