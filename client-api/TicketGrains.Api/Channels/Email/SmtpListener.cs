using System.Net;
using Microsoft.Extensions.Options;
using SmtpServer;

namespace TicketGrains.Api.Channels.Email;

/// <summary>
/// The SMTP server of the e-mail channel: listens on Channels:Email:SmtpPort while the process runs (registered only
/// when that is set). Mail is refused at RCPT unless it is for a configured e-mail channel, at MAIL or during the data
/// when larger than Channels:Email:MaxMessageBytes (552), and answered 250 only once stored.
/// </summary>
public sealed class SmtpListener(
    IOptions<EmailChannelOptions> options, SmtpRecipientFilter filter, SmtpMessageStore store, ILogger<SmtpListener> logger) : BackgroundService
{
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the endpoint is bound and accepting connections.</summary>
    public Task Listening => _listening.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var endpoint = new IPEndPoint(IPAddress.Parse(settings.ListenAddress), settings.SmtpPort ?? 25);
        var serverOptions = new SmtpServerOptionsBuilder()
            .ServerName(settings.ServerName)
            // The library's own greeting names its version, which tells a scanner what to try.
            .CustomSmtpGreeting(_ => $"220 {settings.ServerName} ESMTP ready")
            .MaxMessageSize(settings.MaxMessageBytes, MaxMessageSizeHandling.Strict)
            .Endpoint(builder => builder.Endpoint(endpoint).SessionTimeout(settings.SessionTimeout))
            .Build();
        var listeners = new SmtpServer.Net.EndpointListenerFactory();
        listeners.EndpointStarted += (_, _) => _listening.TrySetResult();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(filter);
        services.Add(store);
        services.Add(listeners);
        logger.LogInformation("SMTP listener for e-mail channels on {Endpoint}", endpoint);
        await new SmtpServer.SmtpServer(serverOptions, services).StartAsync(stoppingToken);
    }
}
