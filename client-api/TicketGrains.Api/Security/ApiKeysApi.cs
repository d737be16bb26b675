using Microsoft.AspNetCore.Http.HttpResults;
using TicketGrains.Abstractions.Errors;
using TicketGrains.Api.Audit;
using TicketGrains.Api.Infrastructure;
using TicketGrains.Api.Tickets;

namespace TicketGrains.Api.Security;

/// <summary>/api/v1/api-keys: keys for integrations, bound to the admin's tenant and a set of permissions (admin only).</summary>
public static class ApiKeysApi
{
    /// <summary>A key to create.</summary>
    public sealed record CreateRequest(string? Name, List<string?>? Permissions);

    /// <summary>A key as listed; the secret is never shown again after creation.</summary>
    public sealed record KeyView(string Id, string Name, IReadOnlyList<string> Permissions, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

    /// <summary>A created key with its secret (send it as X-Api-Key).</summary>
    public sealed record CreatedKey(string Id, string Name, IReadOnlyList<string> Permissions, DateTimeOffset CreatedAt, string Key);

    public static RouteGroupBuilder MapApiKeysApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/api-keys").WithTags("API keys").RequirePermission(Permissions.Admin);
        group.MapPost("/", CreateAsync).WithName("CreateApiKey").WithSummary("Create an API key for an integration; the key is shown once.")
            .Accepts<CreateRequest>("application/json").ProducesValidationProblem()
            .Audited(AuditActions.ApiKeyCreate, (_, value) => value is CreatedKey created ? $"api-key:{created.Id}" : "api-key").WithSmallBody();
        group.MapGet("/", ListAsync).WithName("ListApiKeys").WithSummary("The tenant's API keys, without secrets.");
        group.MapDelete("/{id}", RevokeAsync).WithName("RevokeApiKey").WithSummary("Revoke an API key; it is refused from then on.")
            .Audited(AuditActions.ApiKeyRevoke, AuditEndpoints.RouteTarget("api-key", "id"));
        return group;
    }

    private static async Task<Created<CreatedKey>> CreateAsync(HttpContext context, ApiKeyStore keys)
    {
        var request = await JsonBody.ReadAsync<CreateRequest>(context.Request);
        var errors = new FieldErrors();
        TextRules.Check(errors, "name", request.Name, 64, required: true);
        if (request.Permissions is not { Count: > 0 })
        {
            errors.Add("permissions", "'permissions' needs at least one permission.");
        }
        else
        {
            PermissionRules.Check(errors, "permissions", request.Permissions);
        }

        ValidationFailed.ThrowIfAny(errors);
        var permissions = request.Permissions!.Select(p => p!).Distinct(StringComparer.Ordinal).ToList();
        var (stored, key) = await keys.CreateAsync(Tenant.Of(context), request.Name!, permissions, Actor.Of(context), context.RequestAborted);
        return TypedResults.Created($"/api/v1/api-keys/{stored.KeyId}", new CreatedKey(stored.KeyId, stored.Name, stored.Permissions, stored.CreatedAt, key));
    }

    private static async Task<Ok<List<KeyView>>> ListAsync(HttpContext context, ApiKeyStore keys) =>
        TypedResults.Ok((await keys.ListAsync(Tenant.Of(context), context.RequestAborted))
            .Select(k => new KeyView(k.KeyId, k.Name, k.Permissions, k.CreatedBy, k.CreatedAt, k.RevokedAt)).ToList());

    private static async Task<NoContent> RevokeAsync(string id, HttpContext context, ApiKeyStore keys) =>
        await keys.RevokeAsync(Tenant.Of(context), id, context.RequestAborted) ? TypedResults.NoContent() : throw new NotFoundException($"No API key '{id}'.");
}
