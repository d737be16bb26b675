using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using TicketGrains.Abstractions.Catalog;
using TicketGrains.Api.Infrastructure;
using TicketGrains.Grains.ReadModel;

namespace TicketGrains.Api.Tickets;

/// <summary>GET /api/v1/tickets: filters checked strictly, then a keyset page from the read model.</summary>
public static class TicketListing
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    /// <summary>One listed ticket.</summary>
    public sealed record Item(Guid Id, string Status, string Category, string Priority, string Queue, Guid CustomerId, string? Assignee,
        string Channel, string Subject, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? SlaDueAt, int Version);

    /// <summary>A page; pass nextCursor as ?cursor= for the next one.</summary>
    public sealed record Page(IReadOnlyList<Item> Items, string? NextCursor);

    public static async Task<Ok<Page>> ListAsync(HttpContext context, ITicketReadModel readModel,
        string? status, string? queue, string? customerId, string? category, string? assignee, string? slaDueBefore, string? cursor, string? limit)
    {
        var tenant = Tenant.Of(context);
        var errors = new FieldErrors();
        TextRules.OneOf(errors, "status", status, TicketStatus.All);
        TextRules.OneOf(errors, "category", category, TicketCatalog.Categories);
        if (queue is not null && !AgentIds.IsValid(queue))
        {
            errors.Add("queue", "Not a valid queue name.");
        }

        if (assignee is not null && !AgentIds.IsValid(assignee))
        {
            errors.Add("assignee", "Not a valid agent id.");
        }

        Guid? customer = null;
        if (customerId is not null)
        {
            customer = Guid.TryParse(customerId, out var parsed) ? parsed : null;
            if (customer is null)
            {
                errors.Add("customerId", "Not a customer id (UUID).");
            }
        }

        var slaDue = slaDueBefore is null ? null : InstantWithOffset(slaDueBefore);
        if (slaDueBefore is not null && slaDue is null)
        {
            errors.Add("slaDueBefore", "An ISO 8601 date and time with its offset, e.g. 2026-11-11T08:00:00Z.");
        }

        TicketCursor? after = null;
        if (cursor is not null && !TicketCursor.TryDecode(cursor, out after))
        {
            errors.Add("cursor", "Not a cursor returned by this API.");
        }

        var size = DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, out size) || size is < 1 or > MaxLimit))
        {
            errors.Add("limit", $"limit is a number from 1 to {MaxLimit}.");
        }

        ValidationFailed.ThrowIfAny(errors);
        var page = await readModel.ListAsync(new TicketQuery(tenant, status, queue, customer, category, after, size, assignee, slaDue));
        return TypedResults.Ok(new Page(page.Items.Select(ToItem).ToList(), page.NextCursor));
    }

    /// <summary>An ISO 8601 time that says its offset (Z or ±hh:mm): a time without one would be read in the server's zone.</summary>
    private static DateTimeOffset? InstantWithOffset(string text)
    {
        var saysOffset = text.EndsWith('Z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
        return saysOffset && text.Contains('T') && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            ? parsed
            : null;
    }

    public static Item ToItem(TicketSummary s) => new(s.Row.TicketId, s.Row.Status, s.Row.Category, s.Row.Priority, s.Row.Queue,
        s.Row.CustomerId, s.Row.Assignee, s.Row.Channel, s.Row.Subject, s.Row.CreatedAt, s.Row.UpdatedAt, s.Row.SlaDueAt, s.Version);
}
