using System.Security.Cryptography;
using System.Text;

namespace TicketGrains.Grains.Attachments;

/// <summary>
/// The id of the n-th file of an inbound message, derived from the message's stream: a fetch repeated after a crash or
/// a lost answer stores and records the same attachment, never a second copy.
/// </summary>
public static class AttachmentIds
{
    public static Guid OfInbound(string tenant, string streamId, int index)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"inbound-attachment\n{tenant}\n{streamId}\n{index}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16));
    }
}
