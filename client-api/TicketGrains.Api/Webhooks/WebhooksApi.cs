using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using TicketGrains.Abstractions.Errors;
using TicketGrains.Api.Audit;
using TicketGrains.Api.Infrastructure;
using TicketGrains.Api.Security;
using TicketGrains.Api.Tickets;
using TicketGrains.Grains.Webhooks;

namespace TicketGrains.Api.Webhooks;

/// <summary>/api/v1/webhooks: the tenant's outbound webhook subscriptions and their delivery logs (admin only).</summary>
public static class WebhooksApi
{
    private const int DefaultPage = 50;
    private const int MaxPage = 500;

    public static RouteGroupBuilder MapWebhooksApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/webhooks").WithTags("Webhooks").RequirePermission(Permissions.Admin);
        group.MapPost("/", CreateAsync).WithName("CreateWebhook")
            .WithSummary("Subscribe a URL to event types; the signing secret is shown once.")
            .Accepts<CreateWebhookRequest>("application/json").ProducesValidationProblem().WithSmallBody()
            .Audited(AuditActions.WebhookCreate, (_, value) => value is CreatedWebhook created ? $"webhook:{created.Id}" : "webhook");
        group.MapGet("/", ListAsync).WithName("ListWebhooks").WithSummary("The tenant's webhooks, without secrets.");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetWebhook").WithSummary("One webhook, without its secret.");
        group.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteWebhook").WithSummary("Delete a webhook and its delivery log.")
            .Audited(AuditActions.WebhookDelete, AuditEndpoints.RouteTarget("webhook", "id"));
        group.MapGet("/{id:guid}/deliveries", DeliveriesAsync).WithName("ListWebhookDeliveries")
            .WithSummary("The webhook's delivery log, newest first (cursor, limit).").ProducesValidationProblem();
        return group;
    }

    private static async Task<Created<CreatedWebhook>> CreateAsync(
        HttpContext context, WebhookStore webhooks, WebhookSecretSeal seal, IOptions<WebhookOptions> options, TimeProvider time)
    {
        var request = await JsonBody.ReadAsync<CreateWebhookRequest>(context.Request);
        var errors = new FieldErrors();
        var valid = await CreateWebhookValidator.ValidateAsync(request, new NetworkGuard(options.Value.AllowPrivateNetworks), errors, context.RequestAborted);
        ValidationFailed.ThrowIfAny(errors);
        var (url, events) = valid!.Value;
        var tenant = Tenant.Of(context);
        var id = Guid.CreateVersion7();
        var secret = StandardWebhookSigner.NewSecret();
        var (sealedKey, masterKeyId) = seal.Seal(tenant, id, StandardWebhookSigner.KeyOf(secret));
        var webhook = new Webhook(tenant, id, url.AbsoluteUri, events, sealedKey, masterKeyId, true, null, Actor.Of(context), time.GetUtcNow());
        await webhooks.AddAsync(webhook, context.RequestAborted);
        return TypedResults.Created($"/api/v1/webhooks/{id}", new CreatedWebhook(id, webhook.Url, events, webhook.CreatedAt, secret));
    }

    private static async Task<Ok<List<WebhookView>>> ListAsync(HttpContext context, WebhookStore webhooks) =>
        TypedResults.Ok((await webhooks.ListAsync(Tenant.Of(context), context.RequestAborted)).Select(View).ToList());

    private static async Task<Ok<WebhookView>> GetAsync(Guid id, HttpContext context, WebhookStore webhooks) =>
        TypedResults.Ok(View(await RequireAsync(id, context, webhooks)));

    private static async Task<NoContent> DeleteAsync(Guid id, HttpContext context, WebhookStore webhooks) =>
        await webhooks.DeleteAsync(Tenant.Of(context), id, context.RequestAborted) ? TypedResults.NoContent() : throw NotFound(id);

    private static async Task<Ok<DeliveryPage>> DeliveriesAsync(Guid id, string? cursor, string? limit, HttpContext context, WebhookStore webhooks,
        WebhookDeliveryStore deliveries)
    {
        var errors = new FieldErrors();
        long? before = null;
        if (cursor is not null)
        {
            before = long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var seq) && seq > 0 ? seq : null;
            if (before is null)
            {
                errors.Add("cursor", "'cursor' must be a nextCursor this endpoint returned.");
            }
        }

        var size = DefaultPage;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxPage))
        {
            errors.Add("limit", $"'limit' must be a number from 1 to {MaxPage}.");
        }

        ValidationFailed.ThrowIfAny(errors);
        await RequireAsync(id, context, webhooks);
        var page = await deliveries.ListAsync(Tenant.Of(context), id, before, size, context.RequestAborted);
        var items = page.Select(d => new DeliveryView(d.Seq, d.MessageId, d.EventType, d.TicketId, d.State, d.Attempts,
            d.State == "pending" ? d.NextAttemptAt : null, d.LastStatus, d.LastError, d.CreatedAt, d.DeliveredAt)).ToList();
        var next = page.Count == size ? page[^1].Seq.ToString(CultureInfo.InvariantCulture) : null;
        return TypedResults.Ok(new DeliveryPage(items, next));
    }

    private static async Task<Webhook> RequireAsync(Guid id, HttpContext context, WebhookStore webhooks) =>
        await webhooks.FindAsync(Tenant.Of(context), id, context.RequestAborted) ?? throw NotFound(id);

    private static NotFoundException NotFound(Guid id) => new($"No webhook '{id}'.");

    private static WebhookView View(Webhook w) => new(w.Id, w.Url, w.Events, w.Enabled, w.DisabledReason, w.CreatedAt);
}
