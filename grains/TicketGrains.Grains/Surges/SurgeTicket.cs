using TicketGrains.Abstractions.Catalog;
using TicketGrains.Grains.EventLog;
using TicketGrains.Grains.Pipeline;
using TicketGrains.Grains.Tickets;

namespace TicketGrains.Grains.Surges;

/// <summary>A new ticket as the surge detector counts it: its tenant, log key, category and incident.</summary>
public sealed record SurgeTicket(string Tenant, Checkpoint Key, string Category, SurgeIncident Incident)
{
    /// <summary>The field of a surge's own problem ticket, which is no incident of anything.</summary>
    public const string ProblemField = "surgeId";

    /// <summary>Only ticket creations count; the pipeline reads the data of these alone.</summary>
    public static bool Counts(EventHeader header) =>
        header.EventType == nameof(TicketCreated) && header.StreamId.StartsWith(StreamIds.TicketPrefix, StringComparison.Ordinal);

    /// <summary>
    /// The ticket's category for counting: its own, or the classifier's proposal when it kept the default (an inbound
    /// message the model was less sure of still says what the customers are writing about). Null for tickets of the
    /// default category with no proposal, which say nothing about a topic.
    /// </summary>
    public static SurgeTicket? Of(CommittedEvent e)
    {
        if (!StreamIds.TryTicketId(e.StreamId, out var ticketId) || EventSerializer.Deserialize(e.EventType, e.Data) is not TicketCreated created
            || created.Fields.ContainsKey(ProblemField))
        {
            return null;
        }

        var category = created.Category != TicketCatalog.DefaultCategory ? created.Category : created.ProposedCategory?.Category;
        return category is null
            ? null
            : new SurgeTicket(e.TenantId, new Checkpoint(e.TransactionId, e.Position), category,
                new SurgeIncident(ticketId, created.CustomerId, created.Fields.ContainsKey(OrderEventTypes.OrderNoField), created.At));
    }
}
