using System.Text;

namespace TicketGrains.Grains.Encryption;

/// <summary>The associated data of each kind of sealed value: what it is, and whose.</summary>
internal static class KeyContexts
{
    public static byte[] TenantKey(string tenant, int version) => Encoding.UTF8.GetBytes($"tenant-key\n{tenant}\n{version}");

    public static byte[] LookupKey(string tenant) => Encoding.UTF8.GetBytes($"lookup-key\n{tenant}");

    public static byte[] DataKey(string tenant, Guid customer, int version) => Encoding.UTF8.GetBytes($"data-key\n{tenant}\n{customer:D}\n{version}");

    public static byte[] Field(string tenant, Guid customer, int version) => Encoding.UTF8.GetBytes($"field\n{tenant}\n{customer:D}\n{version}");
}
