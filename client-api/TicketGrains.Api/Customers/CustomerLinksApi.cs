using Microsoft.AspNetCore.Http.HttpResults;
using TicketGrains.Abstractions;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Abstractions.Grains;
using TicketGrains.Api.Audit;
using TicketGrains.Api.Infrastructure;
using TicketGrains.Api.Security;
using TicketGrains.Api.Tickets;
using TicketGrains.Grains.Customers.Linking;

namespace TicketGrains.Api.Customers;

/// <summary>
/// Identity resolution by hand: the links the linker only proposed, and merges and un-merges of customers (audited, with
/// customers:merge). A merged customer's id keeps answering as its survivor.
/// </summary>
public static class CustomerLinksApi
{
    public static RouteGroupBuilder MapCustomerLinks(this RouteGroupBuilder group)
    {
        group.MapGet("/{id:guid}/link-proposals", ProposalsAsync).WithName("GetLinkProposals")
            .WithSummary("Links the linker proposed instead of making (a phone shared by a family, two customers on one order, keys that contradict each other).")
            .ProducesProblem(StatusCodes.Status404NotFound).RequirePermission(Permissions.TicketsRead);
        group.MapPost("/{id:guid}/merge", MergeAsync).WithName("MergeCustomers")
            .WithSummary("Merge {customerId} into this customer: its identities and history answer as this customer until un-merged.")
            .Accepts<MergeRequest>("application/json").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).RequirePermission(Permissions.CustomersMerge)
            .Audited(AuditActions.CustomerMerge, AuditEndpoints.RouteTarget("customer", "id")).WithSmallBody();
        group.MapPost("/{id:guid}/unmerge", UnmergeAsync).WithName("UnmergeCustomers")
            .WithSummary("Undo a merge by its mergeId: both customers answer with exactly their own identities and history again.")
            .Accepts<UnmergeRequest>("application/json").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).RequirePermission(Permissions.CustomersMerge)
            .Audited(AuditActions.CustomerUnmerge, AuditEndpoints.RouteTarget("customer", "id")).WithSmallBody();
        return group;
    }

    private static async Task<Ok<IReadOnlyList<LinkProposalView>>> ProposalsAsync(Guid id, HttpContext context, IClusterClient cluster, ILinkProposals proposals)
    {
        var tenant = Tenant.Of(context);
        var customer = cluster.Reference<ICustomerGrain>(GrainKeys.For(tenant, id));
        var view = await GrainRetry.Idempotent(customer.GetAsync, context.RequestAborted);
        var group = new HashSet<Guid>([view.Id, .. view.MergedCustomers]);
        // A proposal a merge has settled (both customers now one) is no longer a question.
        IReadOnlyList<LinkProposalView> open = [.. (await proposals.OfAsync(tenant, group))
            .Where(p => !(group.Contains(p.CustomerId) && group.Contains(p.OtherCustomerId)))
            .Select(p => new LinkProposalView(p.ProposalId, p.CustomerId, p.OtherCustomerId, p.KeyKinds, p.Reason, p.At))];
        return TypedResults.Ok(open);
    }

    private static async Task<Ok<CustomerMerge>> MergeAsync(Guid id, HttpContext context, IClusterClient cluster)
    {
        var request = await JsonBody.ReadAsync<MergeRequest>(context.Request);
        var other = RequiredId("customerId", request.CustomerId);
        var customer = cluster.Reference<ICustomerGrain>(GrainKeys.For(Tenant.Of(context), id));
        // A repeat returns the merge in force, so the call may be sent again.
        return TypedResults.Ok(await GrainRetry.Idempotent(() => customer.MergeAsync(other, Actor.Of(context), "merged through the API"), context.RequestAborted));
    }

    private static async Task<Ok<CustomerMerge>> UnmergeAsync(Guid id, HttpContext context, IClusterClient cluster)
    {
        var request = await JsonBody.ReadAsync<UnmergeRequest>(context.Request);
        var mergeId = RequiredId("mergeId", request.MergeId);
        var customer = cluster.Reference<ICustomerGrain>(GrainKeys.For(Tenant.Of(context), id));
        return TypedResults.Ok(await GrainRetry.Once(() => customer.UnmergeAsync(mergeId, Actor.Of(context)), context.RequestAborted));
    }

    private static Guid RequiredId(string field, string? value)
    {
        var errors = new FieldErrors();
        if (value is null)
        {
            errors.Add(field, $"'{field}' is required.");
        }
        else if (!Guid.TryParse(value, out _))
        {
            errors.Add(field, $"'{field}' is not a customer or merge id (a UUID).");
        }

        ValidationFailed.ThrowIfAny(errors);
        return Guid.Parse(value!);
    }
}
