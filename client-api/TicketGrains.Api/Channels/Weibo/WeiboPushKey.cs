using System.Globalization;

namespace TicketGrains.Api.Channels.Weibo;

/// <summary>
/// The key of a Weibo push that carries no message id (the XML format never does, JSON mostly not): Weibo recommends
/// sender and creation time; the type and an event's subtype keep a message and the events of the same second apart (a
/// click on "follow" sends both at once). One function for both formats, so a push is the same message in either.
/// </summary>
internal static class WeiboPushKey
{
    public static string Of(string sender, long createdSeconds, string type, string? subtype) =>
        subtype is null
            ? $"{sender}:{createdSeconds.ToString(CultureInfo.InvariantCulture)}:{type}"
            : $"{sender}:{createdSeconds.ToString(CultureInfo.InvariantCulture)}:{type}:{subtype}";
}
