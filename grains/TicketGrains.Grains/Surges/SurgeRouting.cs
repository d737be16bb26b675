using TicketGrains.Abstractions.Catalog;
using TicketGrains.Abstractions.Contracts;

namespace TicketGrains.Grains.Surges;

/// <summary>The surge queue as a routing decision: a new ticket of a surging category (its own or proposed) goes there first.</summary>
public static class SurgeRouting
{
    public static RoutingDecision? Route(IReadOnlyDictionary<string, string> routes, CreateTicket ticket)
    {
        var category = ticket.Category != TicketCatalog.DefaultCategory ? ticket.Category : ticket.ProposedCategory?.Category;
        return category is not null && routes.TryGetValue(category, out var queue)
            ? new RoutingDecision($"surge:{category}", $"the category {category} is surging: its surge queue", queue, null, [], [])
            : null;
    }

    /// <summary>Takes in a stored surge route: a queue, or empty once the surge ended.</summary>
    public static void Take(Dictionary<string, string> routes, string category, string queue)
    {
        if (queue.Length == 0)
        {
            routes.Remove(category);
        }
        else
        {
            routes[category] = queue;
        }
    }
}
