namespace TicketGrains.Api.Channels.App;

/// <summary>
/// What the shop's mobile app (or its phone system, for a voice note) posts: one customer message. <see cref="UserId"/>
/// is the app's user id, or the caller's number on a phone channel; <see cref="ThreadId"/> an in-app conversation;
/// <see cref="Audio"/> a phone channel's recording of the voice note, base64 (stored as the message's voice attachment).
/// </summary>
public sealed record AppMessage(
    string? MessageId,
    string? UserId,
    string? UserName,
    string? Kind,
    string? Text,
    DateTimeOffset? SentAt,
    string? ThreadId,
    string? MediaId,
    string? MediaUrl,
    string? MediaFormat,
    AppLocation? Location,
    AppLink? Link,
    string? Event,
    string? EventKey,
    string? Audio = null);

public sealed record AppLocation(double? Latitude, double? Longitude, string? Label);

public sealed record AppLink(string? Url, string? Title, string? Description);
