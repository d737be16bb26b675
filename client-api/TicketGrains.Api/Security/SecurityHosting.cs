using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TicketGrains.Api.Audit;
using TicketGrains.Api.Infrastructure;
using TicketGrains.Grains.Hosting;

namespace TicketGrains.Api.Security;

/// <summary>
/// Authentication (JWT bearer or X-Api-Key), permission checks, tenant assertion, rate limits and secure headers, for
/// every process that serves HTTP: endpoints without their own policy need an authenticated caller.
/// </summary>
public static class SecurityHosting
{
    /// <summary>Picks the scheme from what the request presents.</summary>
    public const string CallerScheme = "Caller";

    public static WebApplicationBuilder AddTicketGrainsSecurity(this WebApplicationBuilder builder)
    {
        var auth = builder.Configuration.BindNow<AuthOptions>(AuthOptions.Section);
        var limits = builder.Configuration.BindNow<RateLimitOptions>(RateLimitOptions.Section);
        var keys = SigningKeys.Load(auth);
        var services = builder.Services;
        services.AddTicketGrainsProblemDetails();
        services.AddTicketGrainsReadModel(PostgresConnection.Require(builder.Configuration));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(auth);
        services.AddSingleton(sp => new TokenIssuer(auth, keys, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<RoleStore>();
        services.AddSingleton<ValidatedTokens>();
        services.AddSingleton<ApiKeyStore>();
        services.AddAuthentication(CallerScheme)
            .AddPolicyScheme(CallerScheme, "Bearer token or API key", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.Header) ? ApiKeyAuthenticationHandler.SchemeName : JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddIdentityProviderKeys(auth);
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IServiceProvider>((o, sp) => BearerTokens.Configure(o, auth, keys, sp.GetService<IdentityProviderKeys>()));
        services.AddAuthorizationBuilder().SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddSingleton<IAuthorizationHandler, PermissionHandler>();
        services.AddSingleton<IAuthorizationHandler, OperatorHandler>();
        services.AddSingleton<FailedSignIns>();
        services.AddSingleton<AuthorizationProblems>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler>(sp => sp.GetRequiredService<AuthorizationProblems>());
        services.AddCallerRateLimits(limits);
        return builder;
    }

    /// <summary>The security middleware, in order; call after the exception handler and before mapping endpoints.</summary>
    public static WebApplication UseTicketGrainsSecurity(this WebApplication app)
    {
        app.UseSecureHeaders();
        app.UseHsts();
        app.UseAuthentication();
        app.UseTenantAssertion();
        app.UseAuthorization();
        app.UseRateLimiter();
        // Every process that serves the dashboard runs this, so the dashboard's sign-in page is mapped here too.
        app.MapDashboardSignIn();
        return app;
    }

    /// <summary>Roles, API keys and (with Auth:DevIssuer) the development token issuer.</summary>
    public static WebApplication MapSecurityApis(this WebApplication app)
    {
        if (app.Services.GetRequiredService<AuthOptions>().DevIssuer)
        {
            app.MapDevTokensApi();
        }

        app.MapRolesApi();
        app.MapApiKeysApi();
        return app;
    }
}
