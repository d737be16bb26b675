namespace TicketGrains.Api.Channels.Web;

/// <summary>A visitor's id and the token the widget sends with each message until <see cref="ExpiresAt"/>.</summary>
public sealed record WebVisitorView(string VisitorId, string Token, DateTimeOffset ExpiresAt);
