namespace TicketGrains.Api.Channels.Web;

/// <summary>The outcome of checking a token: its state and, unless forged, the visitor it names and when it expires.</summary>
public sealed record VisitorTokenCheck(VisitorTokenState State, string? VisitorId, DateTimeOffset ExpiresAt);
