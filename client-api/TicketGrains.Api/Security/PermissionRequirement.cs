using Microsoft.AspNetCore.Authorization;

namespace TicketGrains.Api.Security;

/// <summary>An endpoint needs this permission (admin holds every one).</summary>
public sealed record PermissionRequirement(string Permission) : IAuthorizationRequirement;

/// <summary>Grants a <see cref="PermissionRequirement"/> when the caller holds the permission.</summary>
public sealed class PermissionHandler : AuthorizationHandler<PermissionRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (Permissions.Has(context.User, requirement.Permission))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

/// <summary>Endpoint conventions for permissions.</summary>
public static class PermissionEndpoints
{
    /// <summary>The endpoint needs an authenticated caller holding every one of the permissions.</summary>
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, params string[] permissions)
        where TBuilder : IEndpointConventionBuilder
    {
        var policy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser();
        foreach (var permission in permissions)
        {
            policy.AddRequirements(new PermissionRequirement(permission));
        }

        return builder.RequireAuthorization(policy.Build());
    }
}
