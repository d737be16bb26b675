using TicketGrains.Api.Infrastructure;

namespace TicketGrains.Api.Audit;

/// <summary>Records an audit event for the current request: tenant and actor from the credential, the client's address, now.</summary>
public static class AuditRequests
{
    public static Task RecordAsync(HttpContext context, string action, string target, string detail)
    {
        var services = context.RequestServices;
        var at = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var client = context.Connection.RemoteIpAddress?.ToString() ?? "";
        return services.GetRequiredService<IAuditTrail>()
            .RecordAsync(new AuditEvent(Tenant.Of(context), at, Actor.Of(context), action, target, client, detail));
    }
}
