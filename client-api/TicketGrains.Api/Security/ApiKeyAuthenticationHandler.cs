using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace TicketGrains.Api.Security;

/// <summary>Authenticates an integration by its X-Api-Key: the key's tenant and permissions become the principal.</summary>
public sealed class ApiKeyAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ApiKeyStore keys) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    /// <summary>The subject of a key's principal is this prefix and the key id.</summary>
    public const string SubjectPrefix = "apikey:";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Request.Headers[Header].ToString();
        if (presented.Length == 0)
        {
            return AuthenticateResult.NoResult();
        }

        if (!ApiKeySecret.TryParse(presented, out var keyId, out var secret))
        {
            return AuthenticateResult.Fail("The API key is malformed.");
        }

        var stored = await keys.FindAsync(keyId, Context.RequestAborted);
        // The hash is compared even for unknown ids, so timing does not tell which ids exist.
        var matches = ApiKeySecret.Matches(secret, stored?.SecretHash ?? new byte[32]);
        if (stored is null || !matches || stored.RevokedAt is not null)
        {
            return AuthenticateResult.Fail("The API key is unknown or revoked.");
        }

        var principal = CallerPrincipal.Create(stored.Tenant, SubjectPrefix + stored.KeyId, [], stored.Permissions, SchemeName);
        return principal is null ? AuthenticateResult.Fail("The API key is bound to an invalid tenant.") : AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"{SchemeName} header=\"{Header}\"";
        return Task.CompletedTask;
    }
}
