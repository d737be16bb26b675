using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace TicketGrains.Api.Security;

/// <summary>
/// JWT bearer validation: signature, issuer, audience and lifetime, then the caller's permissions from its roles. Tokens of
/// Auth:Issuer are checked with the HS256 keys, tokens of the identity provider (Auth:Authority) with its published keys
/// only, so neither can sign for the other. A token whose validation cannot turn out differently before it expires is
/// validated once (<see cref="ValidatedTokens"/>).
/// </summary>
public static class BearerTokens
{
    private static readonly string[] ProviderAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.EcdsaSha256];

    public static void Configure(JwtBearerOptions options, AuthOptions auth, IReadOnlyList<SecurityKey> keys, IdentityProviderKeys? provider)
    {
        // Claims keep their JWT names ("sub", "role"), which is what the rest of the API reads.
        options.MapInboundClaims = false;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            IssuerValidator = (issuer, _, _) => issuer == auth.Issuer || (provider is not null && issuer == provider.Current?.Issuer)
                ? issuer
                : throw new SecurityTokenInvalidIssuerException("The token's issuer is not accepted.") { InvalidIssuer = issuer },
            ValidAudience = auth.Audience,
            IssuerSigningKeyResolver = (_, token, _, _) => KeysFor(token.Issuer, auth, keys, provider),
            ValidAlgorithms = provider is null ? [SecurityAlgorithms.HmacSha256] : [SecurityAlgorithms.HmacSha256, .. ProviderAlgorithms],
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = auth.ClockSkew,
            NameClaimType = Claims.Subject,
            RoleClaimType = Claims.Role,
        };
        options.Events = new JwtBearerEvents
        {
            OnMessageReceived = async context =>
            {
                context.Token ??= DashboardSignIn.TokenFor(context.Request);
                if ((context.Token ?? FromHeader(context.Request)) is { } presented
                    && context.HttpContext.RequestServices.GetRequiredService<ValidatedTokens>().Find(presented) is { } known)
                {
                    context.Principal = known;
                    context.Success();
                    return;
                }

                if (provider is not null)
                {
                    await provider.PrepareForAsync(context.Token ?? FromHeader(context.Request)).WaitAsync(context.HttpContext.RequestAborted);
                }
            },
            OnTokenValidated = context => ExpandAsync(context, auth),
        };
    }

    /// <summary>
    /// The keys that may have signed a token of this issuer. An issuer that is neither gets them all, so a genuinely signed
    /// token from elsewhere is refused for its issuer, which says more than "bad signature".
    /// </summary>
    private static IEnumerable<SecurityKey> KeysFor(string issuer, AuthOptions auth, IReadOnlyList<SecurityKey> keys, IdentityProviderKeys? provider)
    {
        var providerKeys = provider?.Current?.Keys ?? [];
        if (issuer == auth.Issuer)
        {
            return keys;
        }

        return provider is not null && provider.IsIssuer(issuer) ? providerKeys : keys.Concat(providerKeys);
    }

    /// <summary>The token of an "Authorization: Bearer" header, as the JWT bearer handler reads it after this event.</summary>
    private static string? FromHeader(HttpRequest request)
    {
        const string Prefix = "Bearer ";
        string? header = request.Headers.Authorization;
        return header is not null && header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) ? header[Prefix.Length..].Trim() : null;
    }

    /// <summary>Replaces the token's principal by one with a "perm" claim per permission the token's roles and perms grant.</summary>
    private static async Task ExpandAsync(TokenValidatedContext context, AuthOptions auth)
    {
        var token = context.Principal!;
        // Two tenants or two subjects in one token would make "whose request is this" ambiguous.
        if (token.FindAll(Claims.Tenant).Count() != 1 || token.FindAll(Claims.Subject).Count() != 1)
        {
            context.Fail("The token has no valid 'tenant' or 'sub' claim.");
            return;
        }

        var tenant = token.FindFirst(Claims.Tenant)?.Value;
        var roles = token.FindAll(Claims.Role).Select(c => c.Value).ToList();
        var (permissions, custom) = CallerPrincipal.ExpandBuiltIn(roles);
        permissions.AddRange(token.FindAll(Claims.Permission).Select(c => c.Value));
        if (custom.Count > 0 && tenant is not null)
        {
            var store = context.HttpContext.RequestServices.GetRequiredService<RoleStore>();
            permissions.AddRange(await store.PermissionsOfAsync(tenant, custom, context.HttpContext.RequestAborted));
        }

        var principal = CallerPrincipal.Create(tenant, token.FindFirst(Claims.Subject)?.Value, roles, permissions, JwtBearerDefaults.AuthenticationScheme);
        if (principal is null)
        {
            context.Fail("The token has no valid 'tenant' or 'sub' claim.");
            return;
        }

        context.Principal = principal;
        if (custom.Count == 0 && context.SecurityToken is JsonWebToken { Issuer: var issuer, EncodedToken: var text } validated && issuer == auth.Issuer)
        {
            context.HttpContext.RequestServices.GetRequiredService<ValidatedTokens>().Keep(text, principal, new DateTimeOffset(validated.ValidTo, TimeSpan.Zero));
        }
    }

    /// <summary>Why a credential was refused, in words a client developer can act on.</summary>
    public static string Explain(Exception? failure) => failure switch
    {
        null => "No credential: send 'Authorization: Bearer <token>' or 'X-Api-Key: <key>'.",
        SecurityTokenExpiredException => "The token has expired.",
        SecurityTokenNotYetValidException => "The token is not valid yet.",
        SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException => "The token's signature is not valid.",
        SecurityTokenInvalidIssuerException => "The token's issuer is not accepted.",
        SecurityTokenInvalidAudienceException => "The token's audience is not this API.",
        // AuthenticateResult.Fail(text) carries this API's own explanation.
        AuthenticationFailureException => failure.Message,
        _ => "The token is not valid.",
    };
}
