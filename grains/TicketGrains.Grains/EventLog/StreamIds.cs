namespace TicketGrains.Grains.EventLog;

/// <summary>Stream names in tg_events; the tenant is a separate column.</summary>
public static class StreamIds
{
    public static string Ticket(Guid id) => "ticket/" + id.ToString("D");

    public static string Customer(Guid id) => "customer/" + id.ToString("D");

    public static string Identity(string identityKey) => "identity/" + identityKey;
}
