using Microsoft.AspNetCore.Http.HttpResults;
using TicketGrains.Abstractions.Errors;
using TicketGrains.Api.Audit;
using TicketGrains.Api.Infrastructure;
using TicketGrains.Api.Security;

namespace TicketGrains.Api.Macros;

/// <summary>/api/v1/macros: the tenant's macros and canned replies; agents read them, supervisors write them.</summary>
public static class MacrosApi
{
    public static RouteGroupBuilder MapMacrosApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/macros").WithTags("Macros");
        group.MapGet("/", ListAsync).WithName("ListMacros")
            .WithSummary($"The tenant's macros and canned replies by title (at most {MacroStore.MaxPerTenant}).")
            .RequirePermission(Permissions.TicketsRead);
        group.MapPut("/{id}", PutAsync).WithName("PutMacro")
            .WithSummary("Create or replace a macro: {title, body, status?, internal?}; a 400 names each bad field.")
            .Accepts<PutMacroRequest>("application/json").ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .RequirePermission(Permissions.RulesManage).WithSmallBody()
            .Audited(AuditActions.MacroChange, AuditEndpoints.RouteTarget("macro", "id"));
        group.MapDelete("/{id}", DeleteAsync).WithName("DeleteMacro").WithSummary("Delete a macro (404 when there is none).")
            .ProducesProblem(StatusCodes.Status404NotFound).RequirePermission(Permissions.RulesManage)
            .Audited(AuditActions.MacroChange, AuditEndpoints.RouteTarget("macro", "id"));
        return group;
    }

    public static IServiceCollection AddMacros(this IServiceCollection services)
    {
        services.AddSingleton<MacroStore>();
        return services;
    }

    private static async Task<Ok<List<Macro>>> ListAsync(HttpContext context, MacroStore store) =>
        TypedResults.Ok(await store.ListAsync(Tenant.Of(context), context.RequestAborted));

    private static async Task<Ok<Macro>> PutAsync(string id, HttpContext context, MacroStore store)
    {
        var request = await JsonBody.ReadAsync<PutMacroRequest>(context.Request);
        ValidationFailed.ThrowIfAny(MacroValidator.Check(id, request));
        var macro = await store.PutAsync(Tenant.Of(context), id, request, Actor.Of(context), context.RequestAborted)
            ?? throw new ConflictException($"The tenant has {MacroStore.MaxPerTenant} macros; delete one first.");
        return TypedResults.Ok(macro);
    }

    private static async Task<NoContent> DeleteAsync(string id, HttpContext context, MacroStore store) =>
        await store.DeleteAsync(Tenant.Of(context), id, context.RequestAborted) ? TypedResults.NoContent() : throw new NotFoundException($"No macro '{id}'.");
}
