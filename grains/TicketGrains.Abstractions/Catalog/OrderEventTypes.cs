namespace TicketGrains.Abstractions.Catalog;

/// <summary>The order-system event types POST /api/v1/order-events accepts, as they appear on the wire.</summary>
public static class OrderEventTypes
{
    public const string Shipped = "shipped";
    public const string Delivered = "delivered";
    public const string RefundIssued = "refund_issued";
    public const string RefundRejected = "refund_rejected";
    public const string OutOfStock = "out_of_stock";
    public const string LogisticsException = "logistics_exception";
    public const string Cancelled = "cancelled";
    public const string AddressChanged = "address_changed";

    public static readonly IReadOnlyList<string> All =
        [Shipped, Delivered, RefundIssued, RefundRejected, OutOfStock, LogisticsException, Cancelled, AddressChanged];

    /// <summary>The ticket field that links a ticket to an order.</summary>
    public const string OrderNoField = "orderNo";
}
