using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TicketGrains.Api.Channels.Email;
using TicketGrains.Api.Channels.Inbound;
using TicketGrains.Api.Channels.Outbound;

namespace TicketGrains.Tests.Channels.Email;

/// <summary>
/// The e-mail channel as <see cref="EmailChannelHosting.AddEmailChannel"/> wires it, its SMTP listener on a free
/// loopback port, over the test directory, the recording acceptor, replies sent in memory and the bounces it records.
/// </summary>
internal sealed class EmailChannelHost : IAsyncDisposable
{
    private readonly IHost host;

    private EmailChannelHost(IHost host, int port) => (this.host, Port) = (host, port);

    public int Port { get; }

    public RecordingAcceptor Acceptor => host.Services.GetRequiredService<RecordingAcceptor>();

    public InMemorySentReplies SentReplies => host.Services.GetRequiredService<InMemorySentReplies>();

    public RecordingReplyBounces Bounces => host.Services.GetRequiredService<RecordingReplyBounces>();

    public IChannelSender Sender => host.Services.GetServices<IChannelSender>().Single(sender => sender.Type == "email");

    public static async Task<EmailChannelHost> StartAsync(ChannelInfo[] channels, int maxMessageBytes = 16 * 1024, TimeProvider? time = null)
    {
        var port = FreeLoopbackPort();
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Channels:Email:SmtpPort"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Channels:Email:ListenAddress"] = "127.0.0.1",
            ["Channels:Email:MaxMessageBytes"] = maxMessageBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Channels:Email:SendTimeout"] = "00:00:10",
        });
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        builder.Services.AddSingleton<IChannelDirectory>(new InMemoryChannelDirectory(channels));
        builder.Services.AddSingleton<RecordingAcceptor>();
        builder.Services.AddSingleton<IInboundAcceptor>(sp => sp.GetRequiredService<RecordingAcceptor>());
        builder.Services.AddSingleton<InMemorySentReplies>();
        builder.Services.AddSingleton<ISentReplies>(sp => sp.GetRequiredService<InMemorySentReplies>());
        builder.Services.AddSingleton<RecordingReplyBounces>();
        builder.Services.AddSingleton<IReplyBounces>(sp => sp.GetRequiredService<RecordingReplyBounces>());
        builder.Services.AddEmailChannel(builder.Configuration);
        var host = builder.Build();
        await host.StartAsync();
        await host.Services.GetServices<IHostedService>().OfType<SmtpListener>().Single().Listening.WaitAsync(TimeSpan.FromSeconds(10));
        return new EmailChannelHost(host, port);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }

    public static int FreeLoopbackPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
