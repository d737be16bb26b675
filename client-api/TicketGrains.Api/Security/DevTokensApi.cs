using Microsoft.AspNetCore.Http.HttpResults;
using TicketGrains.Api.Infrastructure;
using TicketGrains.Api.Tickets;

namespace TicketGrains.Api.Security;

/// <summary>POST /api/v1/dev/tokens: a token for any tenant, subject and roles. Mapped only with Auth:DevIssuer=true.</summary>
public static class DevTokensApi
{
    public const int MaxLifetimeMinutes = 24 * 60;

    /// <summary>What the token should say.</summary>
    public sealed record Request(string? Tenant, string? Subject, List<string>? Roles, List<string>? Permissions, int? LifetimeMinutes);

    /// <summary>A signed token and when it expires.</summary>
    public sealed record Response(string Token, string TokenType, DateTimeOffset ExpiresAt);

    public static IEndpointRouteBuilder MapDevTokensApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/dev/tokens", IssueAsync).AllowAnonymous().WithTags("Development").WithName("IssueDevToken")
            .WithSummary("Development only (Auth:DevIssuer=true): mint a bearer token for a tenant, subject and roles or permissions.")
            .Accepts<Request>("application/json").ProducesValidationProblem().WithSmallBody();
        return app;
    }

    private static async Task<Ok<Response>> IssueAsync(HttpContext context, TokenIssuer issuer)
    {
        var request = await JsonBody.ReadAsync<Request>(context.Request);
        var errors = new FieldErrors();
        if (request.Tenant is null || !Tenant.IsValid(request.Tenant))
        {
            errors.Add("tenant", "A tenant id is 1-64 lowercase letters, digits or '-'.");
        }

        if (!CallerNames.IsValidSubject(request.Subject))
        {
            errors.Add("subject", "A subject is 1-64 letters, digits, '.', '_', '-', '@' or ':'.");
        }

        var roles = request.Roles ?? [];
        var permissions = request.Permissions ?? [];
        PermissionRules.Check(errors, "permissions", permissions);
        for (var i = 0; i < roles.Count; i++)
        {
            if (!CallerNames.IsValidRole(roles[i]))
            {
                errors.Add($"roles[{i}]", "A role name is 1-64 lowercase letters, digits or '-'.");
            }
        }

        if (roles.Count + permissions.Count == 0)
        {
            errors.Add("roles", "Give at least one role or permission.");
        }

        var minutes = request.LifetimeMinutes ?? 60;
        if (minutes is < 1 or > MaxLifetimeMinutes)
        {
            errors.Add("lifetimeMinutes", $"lifetimeMinutes is from 1 to {MaxLifetimeMinutes}.");
        }

        ValidationFailed.ThrowIfAny(errors);
        var (token, expires) = issuer.Issue(request.Tenant!, request.Subject!, roles, permissions, TimeSpan.FromMinutes(minutes));
        return TypedResults.Ok(new Response(token, "Bearer", expires));
    }
}
