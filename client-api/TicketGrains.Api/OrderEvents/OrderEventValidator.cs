using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TicketGrains.Abstractions.Catalog;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Api.Tickets;

namespace TicketGrains.Api.OrderEvents;

/// <summary>Checks an order event and fingerprints it, so a reused eventId with another body is told apart from a retry.</summary>
public static class OrderEventValidator
{
    private const int MaxId = 128;
    private const int MaxText = 256;

    /// <summary>The notice to hand to tickets, or null with <paramref name="errors"/> naming each wrong field.</summary>
    public static OrderEventNotice? Validate(OrderEventRequest request, DateTimeOffset now, FieldErrors errors)
    {
        TextRules.Check(errors, "eventId", request.EventId, MaxId, required: true);
        TextRules.Check(errors, "orderNo", request.OrderNo, MaxText, required: true);
        TextRules.Check(errors, "trackingNo", request.TrackingNo, MaxText, required: false);
        TextRules.Check(errors, "carrier", request.Carrier, MaxText, required: false);
        if (request.Type is null || !OrderEventTypes.All.Contains(request.Type))
        {
            errors.Add("type", $"'type' must be one of {string.Join(", ", OrderEventTypes.All)}.");
        }

        return errors.Any
            ? null
            : new OrderEventNotice(request.EventId!, request.Type!, request.OrderNo!, request.TrackingNo, request.Carrier, request.OccurredAt ?? now);
    }

    /// <summary>SHA-256 of the request's fields (data as re-serialized, members in the order sent).</summary>
    public static string RequestHash(OrderEventRequest request)
    {
        var canonical = string.Join('\n', request.EventId, request.Type, request.OrderNo, request.TrackingNo ?? "\0", request.Carrier ?? "\0",
            request.OccurredAt?.ToUniversalTime().ToString("O") ?? "\0", request.Data is null ? "\0" : JsonSerializer.Serialize(request.Data));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
