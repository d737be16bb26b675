using System.Security.Cryptography;
using System.Text;

namespace TicketGrains.Grains.Channels;

/// <summary>
/// Inbound messages each have their own stream, "inbound/{channel}/{hash of the platform message id}": stored at version 1,
/// so the unique (stream, version) key of the log turns a platform's retry into a conflict, a repeat. Version 2 holds the
/// threading decision. The platform's id is hashed: an e-mail Message-ID names the sender's domain.
/// </summary>
public static class InboundStreams
{
    public const string Prefix = "inbound/";

    public static string For(Guid channelId, string platformMessageId) =>
        $"{Prefix}{channelId:D}/{Hash("message", channelId, platformMessageId)}";

    public static bool IsInbound(string streamId) => streamId.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>The ticket a message opens when it joins none: derived from its stream, so a redelivery re-creates nothing.</summary>
    public static Guid TicketIdOf(string tenant, string streamId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"inbound-ticket\n{tenant}\n{streamId}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16));
    }

    /// <summary>What a ticket keeps of a thread key: a hash, bound to the channel (a thread of one channel joins none of another).</summary>
    public static string ThreadKeyHash(Guid channelId, string threadKey) => Hash("thread", channelId, threadKey);

    private static string Hash(string purpose, Guid channelId, string value) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes($"{purpose}\n{channelId:D}\n{value}")))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
