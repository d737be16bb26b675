using TicketGrains.Api.Channels.Inbound;

namespace TicketGrains.Api.Channels.Email;

/// <summary>Which configured e-mail channel a recipient address belongs to (addresses compare without regard to case).</summary>
public static class EmailRecipients
{
    public static IReadOnlyList<ChannelInfo> ChannelsOf(IReadOnlyList<ChannelInfo> channels, string address) =>
        channels.Where(channel => channel.Settings.TryGetValue(EmailSettings.Address, out var own)
                && string.Equals(own.Trim(), address.Trim(), StringComparison.OrdinalIgnoreCase))
            .ToList();
}
