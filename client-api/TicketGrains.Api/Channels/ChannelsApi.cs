using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using TicketGrains.Abstractions.Errors;
using TicketGrains.Api.Audit;
using TicketGrains.Api.Channels.Inbound;
using TicketGrains.Api.Infrastructure;
using TicketGrains.Api.Security;
using TicketGrains.Api.Tickets;
using TicketGrains.Grains.Channels;

namespace TicketGrains.Api.Channels;

/// <summary>/api/v1/channels: the tenant's channels as configuration (channels:manage); settings go in, never out.</summary>
public static class ChannelsApi
{
    public static RouteGroupBuilder MapChannelsApi(this IEndpointRouteBuilder app)
    {
        app.MapInboundEndpoint();
        var group = app.MapGroup("/api/v1/channels").WithTags("Channels").RequirePermission(Permissions.ChannelsManage);
        group.MapPost("/", CreateAsync).WithName("CreateChannel")
            .WithSummary("Configure a channel {type, name, settings}; the answer names its inbound address, never its settings.")
            .Accepts<ChannelRequest>("application/json").ProducesValidationProblem()
            .Audited(AuditActions.ChannelChange, (_, value) => value is ChannelView created ? $"channel:{created.Id}" : "channel");
        group.MapGet("/", ListAsync).WithName("ListChannels").WithSummary("The tenant's channels: setting names only.");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetChannel").WithSummary("One channel: setting names only.");
        group.MapPut("/{id:guid}", ReplaceAsync).WithName("ReplaceChannel")
            .WithSummary("Replace a channel's type, name and settings (all of them: settings left out are gone).")
            .Accepts<ChannelRequest>("application/json").ProducesValidationProblem()
            .Audited(AuditActions.ChannelChange, AuditEndpoints.RouteTarget("channel", "id"));
        group.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteChannel").WithSummary("Delete a channel; its inbound address answers 404 from then on.")
            .Audited(AuditActions.ChannelChange, AuditEndpoints.RouteTarget("channel", "id"));
        return group;
    }

    private static async Task<Created<ChannelView>> CreateAsync(
        HttpContext context, ChannelStore store, ChannelSettingsSeal seal, ChannelAdapters adapters, ChannelDirectory directory, TimeProvider time)
    {
        var valid = await ReadAsync(context, adapters);
        var tenant = Tenant.Of(context);
        var id = Guid.CreateVersion7();
        var now = time.GetUtcNow();
        var stored = Store(tenant, id, valid, seal, Actor.Of(context), now, now);
        await store.AddAsync(stored, context.RequestAborted);
        directory.Changed(id);
        return TypedResults.Created($"/api/v1/channels/{id}", View(stored));
    }

    private static async Task<Ok<List<ChannelView>>> ListAsync(HttpContext context, ChannelStore store) =>
        TypedResults.Ok((await store.ListAsync(Tenant.Of(context), context.RequestAborted)).Select(View).ToList());

    private static async Task<Ok<ChannelView>> GetAsync(Guid id, HttpContext context, ChannelStore store) =>
        TypedResults.Ok(View(await store.FindAsync(Tenant.Of(context), id, context.RequestAborted) ?? throw NotFound(id)));

    private static async Task<Ok<ChannelView>> ReplaceAsync(
        Guid id, HttpContext context, ChannelStore store, ChannelSettingsSeal seal, ChannelAdapters adapters, ChannelDirectory directory, TimeProvider time)
    {
        var tenant = Tenant.Of(context);
        var existing = await store.FindAsync(tenant, id, context.RequestAborted) ?? throw NotFound(id);
        var valid = await ReadAsync(context, adapters);
        var stored = Store(tenant, id, valid, seal, existing.CreatedBy, existing.CreatedAt, time.GetUtcNow());
        if (!await store.ReplaceAsync(stored, context.RequestAborted))
        {
            throw NotFound(id);
        }

        directory.Changed(id);
        return TypedResults.Ok(View(stored));
    }

    private static async Task<NoContent> DeleteAsync(Guid id, HttpContext context, ChannelStore store, ChannelDirectory directory)
    {
        var deleted = await store.DeleteAsync(Tenant.Of(context), id, context.RequestAborted);
        directory.Changed(id);
        return deleted ? TypedResults.NoContent() : throw NotFound(id);
    }

    private static async Task<ValidChannel> ReadAsync(HttpContext context, ChannelAdapters adapters)
    {
        var request = await JsonBody.ReadAsync<ChannelRequest>(context.Request);
        var errors = new FieldErrors();
        var valid = ChannelValidator.Validate(request, adapters, errors);
        ValidationFailed.ThrowIfAny(errors);
        return valid!;
    }

    private static StoredChannel Store(
        string tenant, Guid id, ValidChannel valid, ChannelSettingsSeal seal, string createdBy, DateTimeOffset createdAt, DateTimeOffset updatedAt)
    {
        var (sealedSettings, masterKeyId) = seal.Seal(tenant, id, valid.Settings);
        var names = valid.Settings.Keys.Order(StringComparer.Ordinal).ToList();
        return new StoredChannel(tenant, id, valid.Type, valid.Name, sealedSettings, masterKeyId, names, valid.ThreadingJson, createdBy, createdAt, updatedAt);
    }

    private static ChannelView View(StoredChannel c) => new(c.Id, c.Type, c.Name, c.SettingNames,
        c.ThreadingJson is null ? null : JsonDocument.Parse(c.ThreadingJson).RootElement.Clone(), ChannelTypes.InboundPath(c.Id), c.CreatedAt, c.UpdatedAt);

    private static NotFoundException NotFound(Guid id) => new($"No channel '{id}'.");
}
