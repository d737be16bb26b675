namespace TicketGrains.IntegrationTests.Infrastructure;

/// <summary>Bodies of valid API requests, and fresh names for tenants and customers.</summary>
public static class TicketRequests
{
    public const string Tickets = "/api/v1/tickets";

    /// <summary>A valid create request; each call is a new customer unless one is named.</summary>
    public static object Create(string subject, string category = "general", string priority = "normal", string? customer = null) => new
    {
        channel = "web",
        customer = new { externalId = customer ?? NewCustomer(), name = "Li Lei", email = "li.lei@example.com" },
        subject,
        body = "Order 20261111-42: the parcel has not moved for three days.",
        category,
        priority,
        fields = new Dictionary<string, string> { ["orderNo"] = "20261111-42" },
    };

    /// <summary>A tenant no other test uses, so listings and queues hold only this test's tickets.</summary>
    public static string NewTenant() => "it-" + Guid.NewGuid().ToString("N")[..12];

    public static string NewCustomer() => "cust-" + Guid.NewGuid().ToString("N")[..12];

    public static string Ticket(Guid id) => $"{Tickets}/{id}";
}
