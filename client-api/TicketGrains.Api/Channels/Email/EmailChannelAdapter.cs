using TicketGrains.Api.Channels.Inbound;

namespace TicketGrains.Api.Channels.Email;

/// <summary>
/// The e-mail channel's place among the adapters: it names the settings a channel needs, and refuses HTTP pushes to its
/// inbound address, since mail arrives by SMTP (<see cref="SmtpListener"/>).
/// </summary>
public sealed class EmailChannelAdapter : IChannelAdapter
{
    public const string ChannelType = "email";

    public string Type => ChannelType;

    public IReadOnlyList<string> RequiredSettings { get; } = [EmailSettings.Address];

    public InboundOutcome Handle(InboundRequest request, IReadOnlyDictionary<string, string> settings) =>
        new InboundOutcome.Refused(405, "method", "An e-mail channel receives mail by SMTP, not by HTTP: send it to the channel's address.");
}
