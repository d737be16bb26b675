using TicketGrains.Api.Infrastructure;
using TicketGrains.Api.Privacy;
using TicketGrains.Api.Security;

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

    /// <summary>Whether this request's response carries personal data unmasked (the endpoint has some, the caller has pii:read).</summary>
    public static bool ShowsUnmasked(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<PersonalDataResponse>() is not null && Permissions.Has(context.User, Permissions.PiiRead)
        && !PersonalDataFilter.AsksForMasked(context.Request);
}
