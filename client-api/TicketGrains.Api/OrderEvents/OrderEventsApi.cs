using Microsoft.AspNetCore.Http.HttpResults;
using TicketGrains.Abstractions;
using TicketGrains.Abstractions.Errors;
using TicketGrains.Abstractions.Grains;
using TicketGrains.Api.Audit;
using TicketGrains.Api.Infrastructure;
using TicketGrains.Api.Security;
using TicketGrains.Api.Tickets;
using TicketGrains.Grains.OrderEvents;

namespace TicketGrains.Api.OrderEvents;

/// <summary>/api/v1/order-events: events from the shop's order system, applied to every ticket carrying the order number.</summary>
public static class OrderEventsApi
{
    /// <summary>What the event reached: the same for a retry with the same eventId and body.</summary>
    public sealed record OrderEventResult(string EventId, string Type, string OrderNo, IReadOnlyList<Guid> TicketIds);

    public static RouteGroupBuilder MapOrderEventsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/order-events").WithTags("Order events");
        group.MapPost("/", ReceiveAsync).WithName("ReceiveOrderEvent")
            .WithSummary("Apply an order-system event to every ticket whose orderNo matches; idempotent by eventId (another body: 409).")
            .Accepts<OrderEventRequest>("application/json").ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .RequirePermission(Permissions.TicketsWrite)
            .Audited(AuditActions.OrderEvent, (_, value) => value is OrderEventResult result ? $"order-event:{result.EventId}" : "order-event");
        return group;
    }

    private static async Task<Ok<OrderEventResult>> ReceiveAsync(HttpContext context, IClusterClient cluster, OrderEventInbox inbox, TimeProvider time)
    {
        var tenant = Tenant.Of(context);
        var request = await JsonBody.ReadAsync<OrderEventRequest>(context.Request);
        var errors = new FieldErrors();
        var notice = OrderEventValidator.Validate(request, time.GetUtcNow(), errors);
        ValidationFailed.ThrowIfAny(errors);
        var hash = OrderEventValidator.RequestHash(request);
        var abort = context.RequestAborted;
        var receipt = await inbox.ReceiveAsync(tenant, notice!, hash, abort);
        if (receipt.RequestHash != hash)
        {
            throw new ConflictException($"Order event '{notice!.EventId}' was already received with a different body.");
        }

        // Applied again on a retry: each ticket applies an event id once, so a retry completes what a failed first call left.
        foreach (var ticketId in receipt.TicketIds)
        {
            var ticket = cluster.Reference<ITicketGrain>(GrainKeys.For(tenant, ticketId));
            try
            {
                await GrainRetry.Idempotent(() => ticket.ApplyOrderEventAsync(notice!), abort);
            }
            catch (NotFoundException)
            {
                // Indexed by a create that then failed: there is no ticket to update.
            }
        }

        return TypedResults.Ok(new OrderEventResult(notice!.EventId, notice.Type, notice.OrderNo, receipt.TicketIds));
    }
}
