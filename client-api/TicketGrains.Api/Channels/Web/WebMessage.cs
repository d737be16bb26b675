namespace TicketGrains.Api.Channels.Web;

/// <summary>
/// What the widget posts: a chat line (<see cref="MessageId"/> and <see cref="Message"/>), or the web form (also
/// <see cref="Name"/>, <see cref="Email"/> and <see cref="Subject"/>). <see cref="MessageId"/> is made by the widget once per
/// message and kept over its retries, so a retry is recognised as the same message.
/// </summary>
public sealed record WebMessage(string? MessageId, string? Message, string? Name, string? Email, string? Subject);
