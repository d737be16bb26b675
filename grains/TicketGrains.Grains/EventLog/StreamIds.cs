namespace TicketGrains.Grains.EventLog;

/// <summary>Stream names in tg_events; the tenant is a separate column.</summary>
public static class StreamIds
{
    public const string TicketPrefix = "ticket/";

    public static string Ticket(Guid id) => TicketPrefix + id.ToString("D");

    /// <summary>The ticket id of a ticket stream; false for every other stream.</summary>
    public static bool TryTicketId(string streamId, out Guid id)
    {
        id = Guid.Empty;
        return streamId.StartsWith(TicketPrefix, StringComparison.Ordinal) && Guid.TryParseExact(streamId.AsSpan(TicketPrefix.Length), "D", out id);
    }

    public static string Customer(Guid id) => "customer/" + id.ToString("D");

    public static string Identity(string identityKey) => "identity/" + identityKey;
}
