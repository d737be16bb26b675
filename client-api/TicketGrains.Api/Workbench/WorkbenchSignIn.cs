using Microsoft.Extensions.Options;
using TicketGrains.Api.Security;

namespace TicketGrains.Api.Workbench;

/// <summary>
/// GET /app/sign-in.json: how the page may sign a user in here (ADR 0021, 0025). The development issuer when it is on,
/// and the OIDC provider with the workbench's public client id when one is configured. Nothing secret: anyone may read it.
/// </summary>
public static class WorkbenchSignIn
{
    public sealed record Oidc(string Authority, string ClientId, string Scope);

    public sealed record Options(bool DevIssuer, Oidc? Oidc);

    public static Options Of(WorkbenchOptions workbench, AuthOptions auth)
    {
        var authority = workbench.OidcAuthority.Length > 0 ? workbench.OidcAuthority : auth.Authority ?? "";
        var oidc = authority.Length > 0 && workbench.OidcClientId.Length > 0 ? new Oidc(authority.TrimEnd('/'), workbench.OidcClientId, workbench.OidcScope) : null;
        return new Options(auth.DevIssuer, oidc);
    }

    /// <summary>The page's policy: with an OIDC provider, the page also talks to its token endpoint (on the provider's origin).</summary>
    public static string ContentSecurityPolicy(Options options) => options.Oidc is { } oidc
        ? WorkbenchHosting.ContentSecurityPolicy.Replace("connect-src 'self';", $"connect-src 'self' {new Uri(oidc.Authority).GetLeftPart(UriPartial.Authority)};", StringComparison.Ordinal)
        : WorkbenchHosting.ContentSecurityPolicy;

    internal static IResult Serve(IOptions<WorkbenchOptions> workbench, AuthOptions auth) => TypedResults.Ok(Of(workbench.Value, auth));
}
