using TicketGrains.Api.Audit;
using TicketGrains.Api.Infrastructure;
using TicketGrains.Api.Security;

namespace TicketGrains.Api.Privacy;

/// <summary>
/// Every response with personal data passes here. Callers without pii:read get it masked by
/// <see cref="PersonalDataProjection"/>; callers with it get it as stored, and the read is audited (durably, before the
/// response is sent) unless the endpoint is an audited command, whose own entry notes the unmasked response.
/// </summary>
public sealed class PersonalDataFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var result = await next(invocation);
        var context = invocation.HttpContext;
        if (ResultValues.Of(result) is not { } value || result is not IResult shown)
        {
            return result;
        }

        if (!Permissions.Has(context.User, Permissions.PiiRead))
        {
            return MaskedResult.Replacing(shown, PersonalDataProjection.Mask(value));
        }

        var audited = context.GetEndpoint()?.Metadata.GetMetadata<AuditedAction>() is not null;
        if (!audited && PersonalDataProjection.ReadOf(value, context) is { } read)
        {
            await AuditRequests.RecordAsync(context, AuditActions.ReadUnmasked, read.Target, read.Detail);
        }

        return result;
    }
}
