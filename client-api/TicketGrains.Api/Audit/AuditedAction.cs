namespace TicketGrains.Api.Audit;

/// <summary>Endpoint metadata: the endpoint's successful calls are audited as this action, on the target it names.</summary>
/// <param name="Action">One of <see cref="AuditActions"/>.</param>
/// <param name="Target">
/// The target ("kind:id") from the request and the handler's result value (null for results without one); a null target
/// means the call changed nothing worth an entry (a pull that handed out no ticket).
/// </param>
public sealed record AuditedAction(string Action, Func<HttpContext, object?, string?> Target);
