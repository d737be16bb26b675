using TicketGrains.Abstractions.Contracts;

namespace TicketGrains.Grains.Rules;

/// <summary>Tenants' rule and template documents with every version kept.</summary>
public interface IRuleStore
{
    /// <summary>The current (highest) version of each of the tenant's documents.</summary>
    Task<IReadOnlyList<StoredDocument>> CurrentAsync(string tenant);

    /// <summary>Every version of one document, oldest first.</summary>
    Task<IReadOnlyList<RuleVersion>> HistoryAsync(string tenant, string kind, string id);

    /// <summary>Adds the next version of each document, all or none.</summary>
    Task<IReadOnlyList<StoredDocument>> AppendAsync(string tenant, IReadOnlyList<(string Kind, string Id, string Document)> documents, string actor, DateTimeOffset at);
}
