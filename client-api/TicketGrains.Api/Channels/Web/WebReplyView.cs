namespace TicketGrains.Api.Channels.Web;

/// <summary>One reply as the widget shows it.</summary>
public sealed record WebReplyView(Guid MessageId, string Text, DateTimeOffset SentAt);
