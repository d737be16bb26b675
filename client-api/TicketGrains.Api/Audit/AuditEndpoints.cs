namespace TicketGrains.Api.Audit;

/// <summary>Marks endpoints whose successful calls are audited.</summary>
public static class AuditEndpoints
{
    public static RouteHandlerBuilder Audited(this RouteHandlerBuilder builder, string action, Func<HttpContext, object?, string?> target) =>
        builder.WithMetadata(new AuditedAction(action, target)).AddEndpointFilter<AuditFilter>();

    /// <summary>
    /// Marks an endpoint whose handler writes its own entry (as <see cref="CreateAudit"/> does): no <see cref="AuditFilter"/>,
    /// and no separate read-unmasked entry for its response.
    /// </summary>
    public static RouteHandlerBuilder AuditedByHandler(this RouteHandlerBuilder builder, string action) =>
        builder.WithMetadata(new AuditedAction(action, static (_, _) => throw new InvalidOperationException("This endpoint's handler writes its own entry.")));

    /// <summary>A target named by a route value: kind "ticket" and parameter "id" give "ticket:{id}".</summary>
    public static Func<HttpContext, object?, string?> RouteTarget(string kind, string parameter) =>
        (context, _) => $"{kind}:{context.GetRouteValue(parameter)}";
}
