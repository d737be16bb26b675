using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Mvc;
using TicketGrains.Api.Audit;

namespace TicketGrains.Api.Security;

/// <summary>401 and 403 as ProblemDetails: the 401 says why the credential was refused, the 403 names the missing permissions.</summary>
public sealed class AuthorizationProblems(IProblemDetailsService problems, FailedSignIns failedSignIns) : IAuthorizationMiddlewareResultHandler
{
    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (result.Succeeded)
        {
            await next(context);
            return;
        }

        // The handler caches its result per request, so this does not validate the credential twice.
        var failure = result.Challenged ? (await context.AuthenticateAsync()).Failure : null;
        if (failure is not null)
        {
            // A credential was presented and refused; no credential at all is an anonymous request, not a failed sign-in.
            await failedSignIns.RecordAsync(context, failure);
        }

        if (result.Challenged && DashboardSignIn.ShouldRedirect(context))
        {
            context.Response.Redirect(DashboardSignIn.LoginPath);
        }
        else if (result.Challenged)
        {
            // The scheme's challenge sets the status and WWW-Authenticate; the body explains.
            await context.ChallengeAsync();
            await WriteAsync(context, StatusCodes.Status401Unauthorized, "Authentication required.", BearerTokens.Explain(failure), null);
        }
        else
        {
            var missing = result.AuthorizationFailure?.FailedRequirements.OfType<PermissionRequirement>().Select(r => r.Permission).ToList() ?? [];
            var detail = missing.Count > 0 ? $"Missing permission: {string.Join(", ", missing)}."
                : result.AuthorizationFailure?.FailedRequirements.OfType<OperatorRequirement>().FirstOrDefault() is { } operatorOnly
                    ? $"Only admins of the operator tenant '{operatorOnly.OperatorTenant}' may use cluster-wide tools."
                    : "The caller may not do this.";
            await WriteAsync(context, StatusCodes.Status403Forbidden, "Forbidden.", detail, missing);
        }
    }

    /// <summary>Writes a ProblemDetails response with an optional "missingPermissions" list.</summary>
    public async Task WriteAsync(HttpContext context, int status, string title, string detail, IReadOnlyList<string>? missing)
    {
        context.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        if (missing is { Count: > 0 })
        {
            problem.Extensions["missingPermissions"] = missing;
        }

        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
