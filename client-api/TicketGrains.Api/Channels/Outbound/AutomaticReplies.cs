namespace TicketGrains.Api.Channels.Outbound;

/// <summary>Which public replies no person wrote: a rule's (actor <c>trigger:…</c>) and a surge notice (<c>surge:…</c>).</summary>
public static class AutomaticReplies
{
    public static bool IsAutomatic(string? actor) =>
        actor is not null && (actor.StartsWith("trigger:", StringComparison.Ordinal) || actor.StartsWith("surge:", StringComparison.Ordinal));
}
