using TicketGrains.Api.Audit;
using TicketGrains.Api.Infrastructure;
using TicketGrains.Api.Security;

namespace TicketGrains.Api.Privacy;

/// <summary>
/// Every response with personal data passes here. Callers without pii:read get it masked by
/// <see cref="PersonalDataProjection"/>; callers with it get it as stored, and the read is audited (durably, before the
/// response is sent) unless the endpoint is an audited command, whose own entry notes the unmasked response. A caller
/// with pii:read may ask for the masked view (<c>masked=true</c>), as the workbench does until the agent chooses to
/// reveal: nothing is shown, so nothing is audited.
/// </summary>
public sealed class PersonalDataFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var result = await next(invocation);
        var context = invocation.HttpContext;
        // A handler returning a bare value (not a result) is masked too: nothing passes this filter unlooked-at.
        if ((result is IResult ? ResultValues.Of(result) : result) is not { } value)
        {
            return result;
        }

        if (!Permissions.Has(context.User, Permissions.PiiRead) || AsksForMasked(context.Request))
        {
            var masked = PersonalDataProjection.Mask(value);
            return result is IResult shown ? MaskedResult.Replacing(shown, masked) : masked;
        }

        var audited = context.GetEndpoint()?.Metadata.GetMetadata<AuditedAction>() is not null;
        if (!audited && PersonalDataProjection.ReadOf(value, context) is { } read)
        {
            await AuditRequests.RecordAsync(context, AuditActions.ReadUnmasked, read.Target, read.Detail);
        }

        return result;
    }

    public static bool AsksForMasked(HttpRequest request) =>
        request.Query.TryGetValue("masked", out var masked) && string.Equals(masked.ToString(), "true", StringComparison.OrdinalIgnoreCase);
}
