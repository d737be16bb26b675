using TicketGrains.Api.Infrastructure;

namespace TicketGrains.Api.Security;

/// <summary>
/// The tenant comes from the credential. X-Tenant-Id may still be sent, as an assertion: when it names another
/// tenant than the credential's, the request is refused (403) instead of silently acting on the credential's tenant.
/// </summary>
public static class TenantAssertion
{
    public static IApplicationBuilder UseTenantAssertion(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var asserted = context.Request.Headers[Tenant.Header].ToString();
        var tenant = context.User.FindFirst(Claims.Tenant)?.Value;
        if (asserted.Length > 0 && tenant is not null && !string.Equals(asserted, tenant, StringComparison.Ordinal))
        {
            await context.RequestServices.GetRequiredService<AuthorizationProblems>().WriteAsync(context, StatusCodes.Status403Forbidden,
                "Forbidden.", $"{Tenant.Header} names another tenant than the credential's.", null);
            return;
        }

        await next(context);
    });
}
