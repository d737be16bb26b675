using Microsoft.AspNetCore.Http.HttpResults;
using TicketGrains.Abstractions;
using TicketGrains.Abstractions.Catalog;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Abstractions.Errors;
using TicketGrains.Abstractions.Grains;
using TicketGrains.Api.Audit;
using TicketGrains.Api.Infrastructure;
using TicketGrains.Api.Privacy;
using TicketGrains.Api.Security;
using TicketGrains.Api.Tickets;

namespace TicketGrains.Api.Customers;

/// <summary>/api/v1/customers: one customer across channels with its context; merges and link proposals in <see cref="CustomerLinksApi"/>.</summary>
public static class CustomersApi
{
    public static RouteGroupBuilder MapCustomersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/customers").WithTags("Customers").MasksPersonalData();
        group.MapGet("/", FindAsync).WithName("FindCustomer")
            .WithSummary("The customer behind a channel identity (e.g. channel=phone&externalId=13812345678), found by its keyed hash.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).RequirePermission(Permissions.TicketsRead);
        group.MapGet("/{id:guid}", GetAsync).WithName("GetCustomer")
            .WithSummary("A customer across channels (a merged customer answers as its survivor): identities, tier, phone, open and recent tickets, orders mentioned.")
            .RequirePermission(Permissions.TicketsRead);
        group.MapPost("/{id:guid}/reveal", GetAsync).WithName("RevealCustomer")
            .WithSummary("The customer unmasked, for a caller with pii:read who chose to see it (the workbench's reveal); audited as a reveal.")
            .RequirePermission(Permissions.TicketsRead, Permissions.PiiRead)
            .Audited(AuditActions.Reveal, AuditEndpoints.RouteTarget("customer", "id"));
        group.MapDelete("/{id:guid}/personal-data", EraseAsync).WithName("ErasePersonalData")
            .WithSummary("Erase the customer's personal data everywhere by destroying its data key; counts, statuses and times remain.")
            .ProducesProblem(StatusCodes.Status404NotFound).RequirePermission(Permissions.PiiErase)
            .Audited(AuditActions.Erase, AuditEndpoints.RouteTarget("customer", "id"));
        return group.MapCustomerLinks();
    }

    private static async Task<Ok<CustomerView>> GetAsync(Guid id, HttpContext context, IClusterClient cluster, CustomerContextReader reader)
    {
        var tenant = Tenant.Of(context);
        var customer = cluster.Reference<ICustomerGrain>(GrainKeys.For(tenant, id));
        return TypedResults.Ok(await reader.CompleteAsync(tenant, await GrainRetry.Idempotent(customer.GetAsync, context.RequestAborted)));
    }

    private static async Task<Ok<CustomerView>> FindAsync(HttpContext context, IClusterClient cluster, CustomerContextReader reader, string? channel, string? externalId)
    {
        var errors = new FieldErrors();
        TextRules.OneOf(errors, "channel", channel, TicketCatalog.Channels);
        if (channel is null)
        {
            errors.Add("channel", "'channel' is required.");
        }

        TextRules.Check(errors, "externalId", externalId, CustomerValidator.MaxExternalId, required: true);
        ValidationFailed.ThrowIfAny(errors);
        var tenant = Tenant.Of(context);
        var identity = cluster.Reference<IChannelIdentityGrain>(GrainKeys.For(tenant, $"{channel}:{externalId}"));
        var id = await GrainRetry.Idempotent(identity.FindAsync, context.RequestAborted)
            ?? throw new NotFoundException($"No customer has the {channel} identity given.");
        var customer = cluster.Reference<ICustomerGrain>(GrainKeys.For(tenant, id));
        return TypedResults.Ok(await reader.CompleteAsync(tenant, await GrainRetry.Idempotent(customer.GetAsync, context.RequestAborted)));
    }

    /// <summary>202: the key is gone and this process forgot it; other processes forget it within Encryption:KeyCacheTtl.</summary>
    private static async Task<Accepted<PersonalDataErasure>> EraseAsync(Guid id, HttpContext context, IClusterClient cluster)
    {
        var customer = cluster.Reference<ICustomerGrain>(GrainKeys.For(Tenant.Of(context), id));
        return TypedResults.Accepted((string?)null, await GrainRetry.Idempotent(customer.ErasePersonalDataAsync, context.RequestAborted));
    }
}
