using Microsoft.AspNetCore.Authorization;

namespace TicketGrains.Api.Security;

/// <summary>
/// Cluster-wide tools (the Orleans dashboard shows every tenant's grains) are for the operator tenant's admins only:
/// being admin of one shop must not open another shop's data.
/// </summary>
public sealed record OperatorRequirement(string OperatorTenant) : IAuthorizationRequirement;

/// <summary>Grants an <see cref="OperatorRequirement"/> to admins of the operator tenant.</summary>
public sealed class OperatorHandler : AuthorizationHandler<OperatorRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperatorRequirement requirement)
    {
        if (Permissions.Has(context.User, Permissions.Admin) && context.User.HasClaim(Claims.Tenant, requirement.OperatorTenant))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

/// <summary>Endpoint convention for cluster-wide tools.</summary>
public static class OperatorEndpoints
{
    /// <summary>Only admins of Auth:OperatorTenant may use the endpoint.</summary>
    public static TBuilder RequireOperator<TBuilder>(this TBuilder builder, IServiceProvider services)
        where TBuilder : IEndpointConventionBuilder
    {
        var operatorTenant = services.GetRequiredService<AuthOptions>().OperatorTenant;
        return builder.RequireAuthorization(new AuthorizationPolicyBuilder().RequireAuthenticatedUser()
            .AddRequirements(new PermissionRequirement(Permissions.Admin), new OperatorRequirement(operatorTenant)).Build());
    }
}
