using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TicketGrains.Tests.Channels.App;

/// <summary>
/// Raw requests of the app and phone channels, written from the documented fields: a JSON message signed with
/// HMAC-SHA256 over "{timestamp}.{body}" with the channel's secret. Shared with the integration tests.
/// </summary>
public static class AppRequests
{
    public const string Secret = "app-secret-3f9a1c";

    public static string Text(string messageId, string userId, string text, DateTimeOffset sentAt, string? threadId = null) =>
        $$"""{"messageId":"{{messageId}}","userId":"{{userId}}","userName":"李雷","kind":"text","text":"{{text}}","sentAt":"{{Iso(sentAt)}}"{{(threadId is null ? "" : $",\"threadId\":\"{threadId}\"")}}}""";

    public static string VoiceNote(string messageId, string callerNumber, string recognised, DateTimeOffset sentAt) =>
        $$"""{"messageId":"{{messageId}}","userId":"{{callerNumber}}","kind":"voice","mediaId":"rec-{{messageId}}","mediaFormat":"amr","text":"{{recognised}}","sentAt":"{{Iso(sentAt)}}"}""";

    /// <summary>A voice note with its recording (base64) uploaded by the phone system.</summary>
    public static string VoiceNoteWithAudio(string messageId, string callerNumber, string recognised, byte[] audio, DateTimeOffset sentAt) =>
        $$"""{"messageId":"{{messageId}}","userId":"{{callerNumber}}","kind":"voice","text":"{{recognised}}","audio":"{{Convert.ToBase64String(audio)}}","sentAt":"{{Iso(sentAt)}}"}""";

    public static string Timestamp(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>Lower-case hex HMAC-SHA256 of "{timestamp}.{body}", computed here independently of the adapter.</summary>
    public static string Signature(string secret, string timestamp, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));

    private static string Iso(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
