using System.Text;

namespace TicketGrains.Tests.Channels.Email;

/// <summary>The raw mails under Fixtures/, written for these tests from RFC 5322, 2045-2047 and 2231 (copied next to the tests).</summary>
internal static class EmailFixtures
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Channels", "Email", "Fixtures", name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));

    /// <summary>The Postfix bounce fixture, returning the reply with that outbound message id (32 hex digits) sent from that channel address.</summary>
    public static byte[] PostfixBounce(string replyId, string channelAddress = "support@shop.example") =>
        Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Bytes("postfix-bounce.eml"))
            .Replace("REPLY_ID", replyId, StringComparison.Ordinal).Replace("support@shop.example", channelAddress, StringComparison.Ordinal));
}
