using System.Text;
using System.Text.Json;
using TicketGrains.Grains.Encryption;

namespace TicketGrains.Grains.Channels;

/// <summary>
/// Seals a channel's settings (platform tokens, AES keys, client secrets) under the current master key, bound to the
/// tenant and channel id, as webhook secrets are: the database never holds them in clear, and sealed settings moved to
/// another row fail to open.
/// </summary>
public sealed class ChannelSettingsSeal(MasterKeys master)
{
    public (byte[] Sealed, string MasterKeyId) Seal(string tenant, Guid channelId, IReadOnlyDictionary<string, string> settings) =>
        (master.Wrap(JsonSerializer.SerializeToUtf8Bytes(settings), Context(tenant, channelId)), master.CurrentId);

    public IReadOnlyDictionary<string, string> Open(StoredChannel channel)
    {
        var json = master.Unwrap(channel.MasterKeyId, channel.SealedSettings, Context(channel.Tenant, channel.Id));
        return JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
    }

    private static byte[] Context(string tenant, Guid channelId) => Encoding.UTF8.GetBytes($"channel-settings:{tenant}:{channelId:D}");
}
