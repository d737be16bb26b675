namespace TicketGrains.Grains.AutoFill.Fields;

/// <summary>What the words right before a number say it is.</summary>
public enum NumberLabel
{
    None,
    OrderNo,
    TrackingNo,
    Phone,
}
