using TicketGrains.Abstractions.Catalog;


namespace TicketGrains.Api.Audit;

/// <summary>
/// The audit entry of a ticket create, written alongside the grain call instead of after it. Every create waited for
/// two commits in a row (its event batch, then its audit batch), which doubled its latency under load; the ticket id
/// and what a create makes are known before the call, so both commits can run at once. The caller still hears of
/// success only once both are durable, and a create that fails after its entry was written gets a second entry,
/// "create-failed", so the trail never claims a ticket that was not made.
/// </summary>
public static class CreateAudit
{
    public static async Task<T> AroundAsync<T>(HttpContext context, Guid ticketId, Func<Task<T>> create)
    {
        var target = $"ticket:{ticketId}";
        var entry = AuditRequests.RecordAsync(context, AuditActions.Create, target, DetailOfNewTicket(context));
        T created;
        try
        {
            created = await create();
        }
        catch (Exception failure)
        {
            await RecordFailureAsync(context, entry, target, failure);
            throw;
        }

        // A failed audit write fails the request (503), as for every audited command.
        await entry;
        return created;
    }

    /// <summary>What every successful create makes: a new ticket at version 1 with nobody assigned.</summary>
    private static string DetailOfNewTicket(HttpContext context) =>
        AuditDetails.Noting(AuditDetails.OfTicket(TicketStatus.New, null, 1), AuditRequests.ShowsUnmasked(context));

    private static async Task RecordFailureAsync(HttpContext context, Task entry, string target, Exception failure)
    {
        try
        {
            await entry;
            await AuditRequests.RecordAsync(context, AuditActions.CreateFailed, target, $"error={failure.GetType().Name}");
        }
        catch (Exception auditError)
        {
            // The create's own error is what the caller must see; the audit store's trouble goes to the log.
            context.RequestServices.GetRequiredService<ILogger<AuditWriter>>()
                .LogWarning(auditError, "Could not record the failed create of {Target}", target);
        }
    }
}
