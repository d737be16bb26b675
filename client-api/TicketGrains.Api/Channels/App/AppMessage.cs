namespace TicketGrains.Api.Channels.App;

/// <summary>
/// What the shop's mobile app (or its phone system, for a voice note) posts: one customer message. <see cref="UserId"/>
/// is the app's user id, or the caller's number on a phone channel; <see cref="ThreadId"/> an in-app conversation.
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
    string? EventKey);

public sealed record AppLocation(double? Latitude, double? Longitude, string? Label);

public sealed record AppLink(string? Url, string? Title, string? Description);
