using TicketGrains.Api.Security;

namespace TicketGrains.Api.Infrastructure;

/// <summary>Who performs a command, recorded in its event: the authenticated subject (a user, or "apikey:{id}").</summary>
public static class Actor
{
    public static string Of(HttpContext context) =>
        context.User.FindFirst(Claims.Subject)?.Value ?? throw new InvalidOperationException("Actor.Of needs an authenticated request.");
}
