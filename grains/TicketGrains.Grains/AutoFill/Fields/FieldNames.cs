namespace TicketGrains.Grains.AutoFill.Fields;

/// <summary>The names of the fields extraction proposes: the same names as a ticket's <c>fields</c>.</summary>
public static class FieldNames
{
    public const string OrderNo = "orderNo";
    public const string TrackingNo = "trackingNo";
    public const string Carrier = "carrier";
    public const string Amount = "amount";
    public const string Phone = "phone";
    public const string Address = "address";

    public static readonly IReadOnlyList<string> All = [OrderNo, TrackingNo, Carrier, Amount, Phone, Address];
}
