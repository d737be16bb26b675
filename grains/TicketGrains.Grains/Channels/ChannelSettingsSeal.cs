using Microsoft.Extensions.DependencyInjection;
using System.Text;
using System.Text.Json;
using TicketGrains.Grains.Encryption;

namespace TicketGrains.Grains.Channels;

/// <summary>
/// Seals a channel's settings (platform tokens, AES keys, client secrets) under the current master key, bound to the
/// tenant and channel id, as webhook secrets are: the database never holds them in clear, and sealed settings moved to
/// another row fail to open.
/// </summary>
public sealed class ChannelSettingsSeal(IServiceProvider services)
{
    // Resolved on first use: a silo run with encryption off and no master key (the bench's clear-text silo) must still
    // start, since the pull catch-up builds the channel directory at start-up; it fails only if a channel is used.
    private readonly Lazy<MasterKeys> _master = new(services.GetRequiredService<MasterKeys>);

    private MasterKeys Master => _master.Value;

    public (byte[] Sealed, string MasterKeyId) Seal(string tenant, Guid channelId, IReadOnlyDictionary<string, string> settings) =>
        (Master.Wrap(JsonSerializer.SerializeToUtf8Bytes(settings), Context(tenant, channelId)), Master.CurrentId);

    public IReadOnlyDictionary<string, string> Open(StoredChannel channel)
    {
        var json = Master.Unwrap(channel.MasterKeyId, channel.SealedSettings, Context(channel.Tenant, channel.Id));
        return JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
    }

    private static byte[] Context(string tenant, Guid channelId) => Encoding.UTF8.GetBytes($"channel-settings:{tenant}:{channelId:D}");
}
