using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TicketGrains.Abstractions;
using TicketGrains.Abstractions.Catalog;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Abstractions.Errors;
using TicketGrains.Abstractions.Grains;
using TicketGrains.Grains.EventLog;

namespace TicketGrains.Grains.Surges;

/// <summary>
/// Carries out what stored surges still owe, in order, each step idempotent so a crash anywhere repeats it harmlessly:
/// a detected surge's reactions the shop turned on (problem ticket, surge queue), then its <see cref="SurgeDetected"/> in
/// the log (the webhook event); each incident linked to the problem ticket and its customer told once; an ended surge's
/// queue switched back and its <see cref="SurgeEnded"/> logged.
/// </summary>
public sealed class SurgeReactions(
    IServiceProvider services, SurgeStore surges, SurgeSettingsStore settings, IEventLog log, TimeProvider time, ILogger<SurgeReactions> logger)
{
    public const string Actor = "surge-detector";

    // Resolved lazily: the grain factory depends on services that are built after this one.
    private readonly Lazy<IGrainFactory> _grains = new(services.GetRequiredService<IGrainFactory>);

    public async Task FinishAsync(string[] tenants, CancellationToken cancellationToken)
    {
        foreach (var (tenant, surge) in (await surges.UnfinishedAsync(tenants, cancellationToken)).Where(s => !s.Surge.Announced))
        {
            await AnnounceAsync(tenant, surge, cancellationToken);
        }

        foreach (var (tenant, surge) in await surges.WithPendingIncidentsAsync(tenants, cancellationToken))
        {
            await ReachIncidentsAsync(tenant, surge, await settings.GetAsync(tenant, cancellationToken), cancellationToken);
        }

        foreach (var (tenant, surge) in await surges.UnfinishedAsync(tenants, cancellationToken))
        {
            await EndAsync(tenant, surge, cancellationToken);
        }
    }

    private async Task AnnounceAsync(string tenant, SurgeRecord surge, CancellationToken cancellationToken)
    {
        var shop = await settings.GetAsync(tenant, cancellationToken);
        var problem = shop.OpenProblemTicket ? await OpenProblemTicketAsync(tenant, surge) : (Guid?)null;
        // Only while it lasts: a surge that ended before its announcement leaves routing as it was.
        var queue = shop.SurgeQueue is { } q && surge.State == SurgeRecord.Active ? q : null;
        if (queue is not null)
        {
            await _grains.Value.Reference<ITenantRulesGrain>(tenant).SetSurgeRouteAsync(surge.Category, queue, Actor);
        }

        var detected = new SurgeDetected(surge.Id, surge.Category, surge.StartedAt, surge.WindowCount, surge.Expected, surge.Threshold, problem, queue,
            surge.DetectedAt);
        await AppendOnceAsync(tenant, surge.Id, 1, detected);
        await surges.MarkAnnouncedAsync(tenant, surge.Id, problem, queue, cancellationToken);
        logger.LogInformation("Surge {Surge} of {Category} in tenant {Tenant}: {Count} tickets in the window, {Expected:F1} expected",
            surge.Id, surge.Category, tenant, surge.WindowCount, surge.Expected);
    }

    /// <summary>
    /// The incidents are the surge's tickets; a ticket is linked (its <c>surgeId</c> and parent fields) and its customer
    /// told only for the reactions the shop turned on: with neither, they are marked handled in one statement, no ticket
    /// woken (a sale's flood of creates is a surge, and linking each of its tickets doubled what a create cost). Tickets
    /// are reached <see cref="TicketsAtOnce"/> customers at a time, each batch marked handled in one statement once all are done.
    /// </summary>
    private async Task ReachIncidentsAsync(string tenant, SurgeRecord surge, SurgeSettings shop, CancellationToken cancellationToken)
    {
        var pending = await surges.PendingIncidentsAsync(tenant, surge.Id, cancellationToken);
        if (!shop.OpenProblemTicket && !shop.NotifyCustomers)
        {
            await surges.MarkHandledAsync(tenant, surge.Id, [.. pending.Select(i => i.TicketId)], cancellationToken);
            return;
        }

        foreach (var batch in pending.Chunk(TicketsAtOnce * 4))
        {
            // A customer's own tickets one after another: the customer's one notice is claimed by the first open one.
            await Parallel.ForEachAsync(batch.GroupBy(i => i.CustomerId), new ParallelOptions { MaxDegreeOfParallelism = TicketsAtOnce, CancellationToken = cancellationToken },
                async (customer, token) =>
                {
                    foreach (var incident in customer)
                    {
                        await ReachAsync(tenant, surge, shop, incident, token);
                    }
                });
            await surges.MarkHandledAsync(tenant, surge.Id, [.. batch.Select(i => i.TicketId)], cancellationToken);
        }
    }

    private const int TicketsAtOnce = 8;

    private async Task ReachAsync(string tenant, SurgeRecord surge, SurgeSettings shop, PendingIncident incident, CancellationToken cancellationToken)
    {
        var ticket = _grains.Value.Reference<ITicketGrain>(GrainKeys.For(tenant, incident.TicketId));
        try
        {
            var view = await ticket.LinkSurgeAsync(surge.Id, surge.ProblemTicketId);
            if (shop.NotifyCustomers && incident.HasOrder && TicketStatus.IsActive(view.Status)
                && await surges.ClaimNoticeAsync(tenant, surge.Id, incident.CustomerId, incident.TicketId, time.GetUtcNow(), cancellationToken) == incident.TicketId)
            {
                await ticket.SendSurgeNoticeAsync(surge.Id, shop.Notice);
            }
        }
        catch (InvalidFieldException closed)
        {
            // Closed meanwhile: nothing of the surge belongs on it any more.
            logger.LogDebug("Surge {Surge} skips ticket {Ticket}: {Reason}", surge.Id, incident.TicketId, closed.Message);
        }
    }

    private async Task EndAsync(string tenant, SurgeRecord surge, CancellationToken cancellationToken)
    {
        if (surge.State != SurgeRecord.Ended || !surge.Announced || surge.EndAnnounced)
        {
            return;
        }

        if (surge.SurgeQueue is not null)
        {
            await _grains.Value.Reference<ITenantRulesGrain>(tenant).SetSurgeRouteAsync(surge.Category, null, Actor);
        }

        var ended = new SurgeEnded(surge.Id, surge.Category, surge.DetectedAt, surge.PeakCount, surge.Incidents, surge.Notices, surge.EndedAt ?? time.GetUtcNow());
        await AppendOnceAsync(tenant, surge.Id, 2, ended);
        await surges.MarkEndAnnouncedAsync(tenant, surge.Id, cancellationToken);
    }

    /// <summary>The parent ticket of the surge: its id derives from the surge's, so a repeat is the create's own idempotent repeat.</summary>
    private async Task<Guid> OpenProblemTicketAsync(string tenant, SurgeRecord surge)
    {
        var id = SurgeIds.ProblemTicket(surge.Id);
        var command = new CreateTicket
        {
            Channel = "api",
            CustomerId = SurgeIds.ProblemCustomer(tenant),
            CustomerTier = TicketCatalog.DefaultTier,
            Subject = $"Surge: {surge.Category} ({surge.WindowCount} tickets in a minute, {surge.Expected:F1} expected)",
            Body = $"Surge {surge.Id:D} of category {surge.Category} detected at {surge.DetectedAt:O}. Its incident tickets carry the fields " +
                $"{SurgeTicketDecisions.LinkField} and {SurgeTicketDecisions.ProblemTicketField}; GET /api/v1/surges/{surge.Id:D} lists them.",
            Category = surge.Category,
            Priority = "high",
            Fields = new Dictionary<string, string> { [SurgeTicket.ProblemField] = surge.Id.ToString("D") },
            RequestHash = "surge:" + surge.Id.ToString("D"),
        };
        await _grains.Value.Reference<ITicketGrain>(GrainKeys.For(tenant, id)).CreateAsync(command);
        return id;
    }

    private async Task AppendOnceAsync(string tenant, Guid surgeId, int version, IDomainEvent e)
    {
        try
        {
            await log.AppendAsync(new AppendRequest(tenant, SurgeStreams.For(surgeId), version, EventSerializer.TypeName(e), EventSerializer.Serialize(e), null));
        }
        catch (ConflictException)
        {
            // Appended on an earlier attempt.
        }
    }
}
