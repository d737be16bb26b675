using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using TicketGrains.Api.Infrastructure;
using TicketGrains.Api.Security;
using TicketGrains.Api.Tickets;

namespace TicketGrains.Api.Audit;

/// <summary>/api/v1/audit: the tenant's audit log, keyset-paged, and a recomputation of its hash chain (audit:read).</summary>
public static class AuditApi
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    /// <summary>One entry; hashes in lowercase hex.</summary>
    public sealed record Item(long Sequence, DateTimeOffset At, string Actor, string Action, string Target, string ClientAddress, string Detail,
        string PreviousHash, string Hash);

    /// <summary>A page, oldest first; pass nextCursor as ?cursor= for the next one.</summary>
    public sealed record Page(IReadOnlyList<Item> Items, string? NextCursor);

    public static RouteGroupBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/audit").WithTags("Audit").RequirePermission(Permissions.AuditRead);
        group.MapGet("/", ListAsync).WithName("ListAuditEntries")
            .WithSummary("The tenant's audit entries, oldest first, keyset-paged; filter by action or target.").ProducesValidationProblem();
        group.MapGet("/verify", VerifyAsync).WithName("VerifyAuditChain")
            .WithSummary("Recompute the tenant's hash chain and report the first altered, inserted or removed entry.");
        return group;
    }

    private static async Task<Ok<Page>> ListAsync(HttpContext context, AuditStore store, string? cursor, string? limit, string? action, string? target)
    {
        var errors = new FieldErrors();
        long after = 0;
        if (cursor is not null && (!long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out after) || after < 1))
        {
            errors.Add("cursor", "Not a cursor returned by this API.");
        }

        var size = DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxLimit))
        {
            errors.Add("limit", $"limit is a number from 1 to {MaxLimit}.");
        }

        TextRules.OneOf(errors, "action", action, AuditActions.All);
        if (target is not null && !AuditTargets.IsValid(target))
        {
            errors.Add("target", "A target is a kind and optional id as the log writes them, e.g. 'ticket:{id}', 'customer:{id}' or 'tickets'.");
        }
        ValidationFailed.ThrowIfAny(errors);

        var entries = await store.PageAsync(new AuditQuery(Tenant.Of(context), after, size, action, target), context.RequestAborted);
        var next = entries.Count == size ? entries[^1].Sequence.ToString(CultureInfo.InvariantCulture) : null;
        return TypedResults.Ok(new Page(entries.Select(ToItem).ToList(), next));
    }

    private static async Task<Ok<AuditVerification>> VerifyAsync(HttpContext context, AuditStore store) =>
        TypedResults.Ok(await store.VerifyAsync(Tenant.Of(context), context.RequestAborted));

    private static Item ToItem(AuditEntry e) => new(e.Sequence, e.Event.At, e.Event.Actor, e.Event.Action, e.Event.Target, e.Event.ClientAddress,
        e.Event.Detail, Convert.ToHexStringLower(e.PreviousHash), Convert.ToHexStringLower(e.Hash));
}
