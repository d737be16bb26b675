using TicketGrains.Abstractions.Catalog;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.EventLog;
using TicketGrains.Grains.Sla;

namespace TicketGrains.Grains.ReadModel;

/// <summary>The read model over <see cref="InMemoryEventLog"/>, for fast grain tests only.</summary>
public sealed class InMemoryTicketReadModel(InMemoryEventLog log) : ITicketReadModel
{
    public Task<TicketPage> ListAsync(TicketQuery query)
    {
        var matching = Of(query.TenantId)
            .Where(s => (query.Status is null || s.Row.Status == query.Status)
                && (query.Queue is null || s.Row.Queue == query.Queue)
                && (query.Category is null || s.Row.Category == query.Category)
                && (query.CustomerId is null || s.Row.CustomerId == query.CustomerId)
                && (query.Assignee is null || s.Row.Assignee == query.Assignee)
                && (query.SlaDueBefore is null || s.Row.SlaDueAt <= query.SlaDueBefore)
                && (query.After is null || (s.Row.CreatedAt, s.Row.TicketId).CompareTo((query.After.CreatedAt, query.After.TicketId)) > 0))
            .OrderBy(s => s.Row.CreatedAt).ThenBy(s => s.Row.TicketId)
            .Take(query.Limit + 1)
            .ToList();
        string? next = null;
        if (matching.Count > query.Limit)
        {
            matching.RemoveAt(matching.Count - 1);
            next = new TicketCursor(matching[^1].Row.CreatedAt, matching[^1].Row.TicketId).Encode();
        }

        return Task.FromResult(new TicketPage(matching, next));
    }

    public Task<IReadOnlyList<QueuedTicket>> WaitingInQueueAsync(string tenantId, string queue, int limit) =>
        Task.FromResult<IReadOnlyList<QueuedTicket>>(Of(tenantId)
            .Where(s => s.Row.Queue == queue && s.Row.Assignee is null && TicketStatus.IsWaiting(s.Row.Status))
            .OrderByDescending(s => TicketCatalog.PriorityRank(s.Row.Priority)).ThenBy(s => s.Row.CreatedAt).ThenBy(s => s.Row.TicketId)
            .Take(limit)
            .Select(s => new QueuedTicket(s.Row.TicketId, TicketCatalog.PriorityRank(s.Row.Priority), s.Row.CreatedAt)
            {
                Channel = s.Row.Channel,
                SlaDueAt = s.Row.SlaDueAt,
                Version = s.Version,
                TierRank = CustomerTiers.Rank(s.Row.Tier),
                Skills = TicketRow.Split(s.Row.Skills),
                SkippedAgents = TicketRow.Split(s.Row.SkippedAgents),
            })
            .ToList());

    public Task<IReadOnlyList<HeldTicket>> HeldByAgentAsync(string tenantId, string agentId) =>
        Task.FromResult<IReadOnlyList<HeldTicket>>(Of(tenantId)
            .Where(s => s.Row.Assignee == agentId && TicketStatus.IsWaiting(s.Row.Status))
            .Select(s => new HeldTicket(s.Row.TicketId, s.Row.Channel))
            .ToList());

    public Task<IReadOnlyList<Guid>> OpenTicketsOfCustomerAsync(string tenantId, Guid customerId) =>
        Task.FromResult<IReadOnlyList<Guid>>(Of(tenantId)
            .Where(s => s.Row.CustomerId == customerId && TicketStatus.IsActive(s.Row.Status))
            .OrderBy(s => s.Row.CreatedAt)
            .Select(s => s.Row.TicketId)
            .ToList());

    public Task<IReadOnlyList<SlaDue>> SlaDueAsync(string tenantId, DateTimeOffset until, SlaDue? after, int limit) =>
        Task.FromResult<IReadOnlyList<SlaDue>>(Of(tenantId)
            .Where(s => s.Row.SlaDueAt <= until)
            .Select(s => new SlaDue(s.Row.SlaDueAt!.Value, s.Row.TicketId))
            .Where(d => after is not { } a || (d.Due, d.TicketId).CompareTo((a.Due, a.TicketId)) > 0)
            .OrderBy(d => d.Due).ThenBy(d => d.TicketId)
            .Take(limit)
            .ToList());

    public Task<IReadOnlyList<Guid>> ClaimsDueAsync(string tenantId, DateTimeOffset until, Guid after, int limit) =>
        Task.FromResult<IReadOnlyList<Guid>>(Of(tenantId)
            .Where(s => s.Row.ClaimDueAt <= until && s.Row.TicketId.CompareTo(after) > 0)
            .Select(s => s.Row.TicketId)
            .Order()
            .Take(limit)
            .ToList());

    private IEnumerable<TicketSummary> Of(string tenantId) =>
        log.Rows.Where(kv => kv.Key.Item1 == tenantId).Select(kv => kv.Value);
}
