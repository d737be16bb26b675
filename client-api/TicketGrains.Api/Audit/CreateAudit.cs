using TicketGrains.Abstractions.Contracts;

namespace TicketGrains.Api.Audit;

/// <summary>
/// The audit entry of a ticket create, saying what was created, written once per ticket. A create without an
/// Idempotency-Key has a fresh id and cannot be a repeat, so its entry is written alongside the grain call instead of
/// after it (two commits at once instead of in a row; the caller still hears of success only once both are durable),
/// and a create that fails after its entry was written gets a second entry, "create-failed", so the trail never claims
/// a ticket that was not made. A create with a key may repeat an earlier one: its entry waits for the grain's answer and
/// is written only when the call made the ticket, so a retry is not recorded as a second create.
/// </summary>
public static class CreateAudit
{
    public static async Task<TicketView> AroundAsync(HttpContext context, Guid ticketId, bool mayRepeat, string whatIsCreated,
        Func<Task<CreatedTicket>> create)
    {
        var target = $"ticket:{ticketId}";
        var unmasked = AuditRequests.ShowsUnmasked(context);
        var detail = AuditDetails.Noting(whatIsCreated, unmasked);
        if (mayRepeat)
        {
            return await ThenRecordAsync(context, target, detail, unmasked, create);
        }

        var entry = AuditRequests.RecordAsync(context, AuditActions.Create, target, detail);
        CreatedTicket created;
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
        return created.Ticket;
    }

    private static async Task<TicketView> ThenRecordAsync(HttpContext context, string target, string detail, bool unmasked, Func<Task<CreatedTicket>> create)
    {
        var created = await create();
        if (!created.Repeated)
        {
            await AuditRequests.RecordAsync(context, AuditActions.Create, target, detail);
        }
        else if (unmasked)
        {
            // Nothing was created, but the answer shows the ticket's personal data like a read does.
            await AuditRequests.RecordAsync(context, AuditActions.ReadUnmasked, target, "repeated create");
        }

        return created.Ticket;
    }

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
