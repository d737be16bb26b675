using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Channels.Outbound;

/// <summary>The customer's mail server: a real SMTP listener (SmtpServer) on a free loopback port that keeps every mail it is given.</summary>
public sealed class CustomerMailbox : IMessageStore, IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task _server = Task.CompletedTask;

    private CustomerMailbox(int port) => Port = port;

    public int Port { get; }

    public ConcurrentQueue<MimeMessage> Received { get; } = new();

    public static async Task<CustomerMailbox> StartAsync()
    {
        var mailbox = new CustomerMailbox(FreePorts.Next());
        var options = new SmtpServerOptionsBuilder().ServerName("mx.customer.test")
            .Endpoint(builder => builder.Endpoint(new IPEndPoint(IPAddress.Loopback, mailbox.Port))).Build();
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var listeners = new SmtpServer.Net.EndpointListenerFactory();
        listeners.EndpointStarted += (_, _) => listening.TrySetResult();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(mailbox);
        services.Add(listeners);
        mailbox._server = new SmtpServer.SmtpServer(options, services).StartAsync(mailbox._stop.Token);
        await listening.Task.WaitAsync(TimeSpan.FromSeconds(10));
        return mailbox;
    }

    public Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(buffer.ToArray());
        Received.Enqueue(MimeMessage.Load(stream, cancellationToken));
        return Task.FromResult(SmtpResponse.Ok);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _server.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }
}
