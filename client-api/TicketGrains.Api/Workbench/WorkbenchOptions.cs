using TicketGrains.Grains.Hosting;

namespace TicketGrains.Api.Workbench;

/// <summary>The agent workbench (section "Workbench"): where its built assets are read from.</summary>
public sealed class WorkbenchOptions : IValidatableOptions
{
    public const string Section = "Workbench";

    /// <summary>
    /// The folder of the built workbench (index.html, app.js, app-style.css). Empty: "workbench" next to the binaries,
    /// where the API's build copies client-api/workbench/dist/.
    /// </summary>
    public string AssetsPath { get; set; } = "";

    /// <summary>
    /// The OpenID Connect provider the workbench signs users in with (authorization code flow with PKCE): its issuer
    /// address, whose /.well-known/openid-configuration names the authorization and token endpoints. Empty: Auth:Authority,
    /// the provider whose tokens the API trusts; no provider at all: the page offers only the development issuer and pasting a token.
    /// </summary>
    public string OidcAuthority { get; set; } = "";

    /// <summary>The workbench's public client id at the provider (no secret: a page cannot keep one). Empty: no OIDC sign-in.</summary>
    public string OidcClientId { get; set; } = "";

    /// <summary>The scopes asked for; the provider must put the tenant, roles and permissions in the access token (ADR 0004).</summary>
    public string OidcScope { get; set; } = "openid profile";

    public string Folder => AssetsPath.Length > 0 ? AssetsPath : Path.Combine(AppContext.BaseDirectory, "workbench");

    public IEnumerable<string> Problems(string section)
    {
        if (AssetsPath.Length > 0 && !Path.IsPathFullyQualified(AssetsPath))
        {
            yield return $"{section}:AssetsPath must be an absolute path, not '{AssetsPath}'.";
        }

        if (OidcAuthority.Length > 0 && !(Uri.TryCreate(OidcAuthority, UriKind.Absolute, out var authority) && authority.Scheme is "https" or "http"))
        {
            yield return $"{section}:OidcAuthority must be an absolute http(s) address, not '{OidcAuthority}'.";
        }
    }
}
