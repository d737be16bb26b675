using Microsoft.AspNetCore.Http.HttpResults;
using TicketGrains.Abstractions.Errors;
using TicketGrains.Api.Audit;
using TicketGrains.Api.Infrastructure;
using TicketGrains.Api.Tickets;

namespace TicketGrains.Api.Security;

/// <summary>/api/v1/roles: the tenant's roles; custom ones are defined here (admin only).</summary>
public static class RolesApi
{
    /// <summary>A role: built in (fixed) or defined by the tenant.</summary>
    public sealed record RoleView(string Name, bool BuiltIn, IReadOnlyList<string> Permissions, string? UpdatedBy, DateTimeOffset? UpdatedAt);

    /// <summary>The permissions a custom role grants.</summary>
    public sealed record PutRoleRequest(List<string?>? Permissions);

    public static RouteGroupBuilder MapRolesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/roles").WithTags("Roles").RequirePermission(Permissions.Admin);
        group.MapGet("/", ListAsync).WithName("ListRoles").WithSummary("Built-in and custom roles of the tenant.");
        group.MapGet("/{name}", GetAsync).WithName("GetRole").WithSummary("One role with its permissions.");
        group.MapPut("/{name}", PutAsync).WithName("PutRole").WithSummary("Create or replace a custom role of the tenant.")
            .Accepts<PutRoleRequest>("application/json").ProducesValidationProblem()
            .Audited(AuditActions.RoleChange, AuditEndpoints.RouteTarget("role", "name")).WithSmallBody();
        return group;
    }

    private static async Task<Ok<List<RoleView>>> ListAsync(HttpContext context, RoleStore roles)
    {
        var custom = await roles.ListAsync(Tenant.Of(context), context.RequestAborted);
        return TypedResults.Ok(BuiltInRoles.Names.Order(StringComparer.Ordinal).Select(BuiltIn).Concat(custom.Select(Custom)).ToList());
    }

    private static async Task<Ok<RoleView>> GetAsync(string name, HttpContext context, RoleStore roles)
    {
        if (BuiltInRoles.IsBuiltIn(name))
        {
            return TypedResults.Ok(BuiltIn(name));
        }

        var role = CallerNames.IsValidRole(name) ? await roles.GetAsync(Tenant.Of(context), name, context.RequestAborted) : null;
        return role is null ? throw new NotFoundException($"No role '{name}'.") : TypedResults.Ok(Custom(role));
    }

    private static async Task<Ok<RoleView>> PutAsync(string name, HttpContext context, RoleStore roles)
    {
        var request = await JsonBody.ReadAsync<PutRoleRequest>(context.Request);
        var errors = new FieldErrors();
        if (!CallerNames.IsValidRole(name))
        {
            errors.Add("name", "A role name is 1-64 lowercase letters, digits or '-'.");
        }
        else if (BuiltInRoles.IsBuiltIn(name))
        {
            errors.Add("name", $"'{name}' is a built-in role and cannot be changed.");
        }

        if (request.Permissions is null)
        {
            errors.Add("permissions", "'permissions' is required.");
        }
        else
        {
            PermissionRules.Check(errors, "permissions", request.Permissions);
        }

        ValidationFailed.ThrowIfAny(errors);
        var permissions = request.Permissions!.Select(p => p!).Distinct(StringComparer.Ordinal).ToList();
        var role = await roles.PutAsync(Tenant.Of(context), name, permissions, Actor.Of(context), context.RequestAborted);
        return TypedResults.Ok(Custom(role));
    }

    private static RoleView BuiltIn(string name) => new(name, true, BuiltInRoles.PermissionsOf(name)!, null, null);

    private static RoleView Custom(RoleStore.Role role) => new(role.Name, false, role.Permissions, role.UpdatedBy, role.UpdatedAt);
}
