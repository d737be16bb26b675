using System.Text.Json;

namespace TicketGrains.Bench;

/// <summary>
/// TicketCreated-like JSON documents of about 600 bytes for the raw inserts. A pool is built up front
/// and cycled so the baseline measures PostgreSQL, not the bench's JSON formatting.
/// </summary>
public static class EventDocuments
{
    private static readonly string[] Categories = ["logistics", "refund", "order", "return", "presale"];
    private static readonly string[] Priorities = ["low", "normal", "normal", "high"];

    public static string[] BuildPool(int size)
    {
        var pool = new string[size];
        for (var i = 0; i < size; i++)
        {
            pool[i] = Build(i);
        }

        return pool;
    }

    private static string Build(int seed)
    {
        var order = $"20261111-{seed:D5}";
        var document = new
        {
            id = Guid.NewGuid(),
            customer = Guid.NewGuid(),
            channel = "web",
            subject = $"Where is my parcel? Order {order}",
            body = $"Order {order} has not arrived yet. The tracking number SF{1234567890L + seed} shows no update for three days " +
                   "and the delivery window promised at checkout has passed. Please check with the courier and tell me when " +
                   "it will arrive, or refund the shipping fee.",
            category = Categories[seed % Categories.Length],
            priority = Priorities[seed % Priorities.Length],
            queue = "logistics-normal",
            fields = new Dictionary<string, string> { ["orderNo"] = order, ["sku"] = $"SKU-{seed % 977:D4}", ["store"] = "flagship" },
            createdAt = DateTimeOffset.UtcNow,
        };
        return JsonSerializer.Serialize(document);
    }
}
