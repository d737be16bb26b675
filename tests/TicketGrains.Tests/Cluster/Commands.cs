using TicketGrains.Abstractions;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Abstractions.Grains;

namespace TicketGrains.Tests.Cluster;

/// <summary>Builds create commands and opens tickets through the cluster client.</summary>
public static class Commands
{
    public static CreateTicket Create(string category = "general", string priority = "normal", string tier = "regular", string hash = "hash-1") => new()
    {
        Channel = "web",
        CustomerId = Guid.NewGuid(),
        CustomerTier = tier,
        Subject = "Where is my parcel?",
        Body = "Ordered last week, nothing arrived.",
        Category = category,
        Priority = priority,
        Fields = new Dictionary<string, string> { ["orderId"] = "A-1001" },
        RequestHash = hash,
    };

    public static ITicketGrain Ticket(this IClusterClient client, string tenant, Guid id) =>
        client.GetGrain<ITicketGrain>(GrainKeys.For(tenant, id));

    public static async Task<TicketView> OpenAsync(this IClusterClient client, string tenant, CreateTicket command) =>
        (await client.Ticket(tenant, Guid.NewGuid()).CreateAsync(command)).Ticket;
}
