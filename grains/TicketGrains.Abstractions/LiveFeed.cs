namespace TicketGrains.Abstractions;

/// <summary>Names of the Orleans stream that carries ticket changes, one stream per tenant.</summary>
public static class LiveFeed
{
    public const string ProviderName = "live";
    public const string Namespace = "ticket-changes";
}
