using System.Text.Json;

namespace TicketGrains.Api.OrderEvents;

/// <summary>An order-system event as an ERP / OMS posts it.</summary>
/// <param name="EventId">The order system's id of the event: the idempotency key.</param>
/// <param name="Type">shipped, delivered, refund_issued, refund_rejected, out_of_stock, logistics_exception, cancelled or address_changed.</param>
/// <param name="OrderNo">Matched against the orderNo field of the tenant's tickets.</param>
/// <param name="TrackingNo">The parcel's tracking number, if any.</param>
/// <param name="Carrier">The logistics company, if any.</param>
/// <param name="OccurredAt">When it happened in the order system; the time of receipt when absent.</param>
/// <param name="Data">Anything else the order system sends (a JSON object); part of the idempotency fingerprint.</param>
public sealed record OrderEventRequest(
    string? EventId,
    string? Type,
    string? OrderNo,
    string? TrackingNo,
    string? Carrier,
    DateTimeOffset? OccurredAt,
    IReadOnlyDictionary<string, JsonElement>? Data);
