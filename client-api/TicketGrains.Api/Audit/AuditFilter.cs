using TicketGrains.Api.Infrastructure;

namespace TicketGrains.Api.Audit;

/// <summary>
/// Records the endpoint's <see cref="AuditedAction"/> after the handler succeeded and before the response is sent: a
/// caller is told of success only once the entry is durable (a failed audit write is a 503).
/// </summary>
public sealed class AuditFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var result = await next(invocation);
        var context = invocation.HttpContext;
        var audited = context.GetEndpoint()?.Metadata.GetMetadata<AuditedAction>()
            ?? throw new InvalidOperationException("AuditFilter needs AuditedAction metadata; use .Audited(...).");
        var value = ResultValues.Of(result);
        if (audited.Target(context, value) is { } target)
        {
            await AuditRequests.RecordAsync(context, audited.Action, target, AuditDetails.Of(value, AuditRequests.ShowsUnmasked(context)));
        }

        return result;
    }
}
