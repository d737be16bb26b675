namespace TicketGrains.Api.Channels.Web;

/// <summary>The agents' replies to the visitor, oldest first (at most the latest 100).</summary>
public sealed record WebRepliesView(IReadOnlyList<WebReplyView> Replies);
