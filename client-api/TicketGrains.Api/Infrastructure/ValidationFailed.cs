using TicketGrains.Api.Tickets;

namespace TicketGrains.Api.Infrastructure;

/// <summary>Several fields are wrong at once; maps to one 400 naming all of them.</summary>
public sealed class ValidationFailed(FieldErrors errors) : Exception("The request has invalid fields.")
{
    public FieldErrors Errors { get; } = errors;

    public static void ThrowIfAny(FieldErrors errors)
    {
        if (errors.Any)
        {
            throw new ValidationFailed(errors);
        }
    }
}
