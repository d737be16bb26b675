using System.Security.Cryptography;
using System.Text;

namespace TicketGrains.Grains.Surges;

/// <summary>Ids derived from what they name, so a page handled again, or a reaction retried, names the same surge and ticket.</summary>
public static class SurgeIds
{
    /// <summary>The surge a ticket's event at <paramref name="position"/> would start.</summary>
    public static Guid Surge(string tenant, string category, long position) => Derive($"surge\n{tenant}\n{category}\n{position}");

    /// <summary>The surge's parent "problem" ticket.</summary>
    public static Guid ProblemTicket(Guid surgeId) => Derive($"surge-problem\n{surgeId:D}");

    /// <summary>The customer of a tenant's problem tickets: nobody's, so no customer's history shows them.</summary>
    public static Guid ProblemCustomer(string tenant) => Derive($"surge-problem-customer\n{tenant}");

    private static Guid Derive(string text)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
