using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using TicketGrains.Grains.Webhooks;
using Xunit;

namespace TicketGrains.Tests.Webhooks;

/// <summary>The sender's own guards, against real sockets on this machine.</summary>
public sealed class WebhookSenderTests
{
    private static readonly byte[] Key = new byte[32];

    [Fact]
    public async Task A_connection_to_a_private_address_is_refused_at_connect_time()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var sender = new WebhookSender(Options.Create(new WebhookOptions()), TimeProvider.System);

        var outcome = await sender.SendAsync($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/hook", Key, "msg_1", "{}", CancellationToken.None);

        Assert.Null(outcome.StatusCode);
        Assert.Contains("not a public address", outcome.Error);
        Assert.False(listener.Pending(), "the sender connected although the address is private");
    }

    [Fact]
    public async Task An_endpoint_that_does_not_answer_within_the_timeout_is_a_failed_attempt()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var options = new WebhookOptions { AllowPrivateNetworks = true, Timeout = TimeSpan.FromMilliseconds(200) };
        using var sender = new WebhookSender(Options.Create(options), TimeProvider.System);

        // The listener accepts the connection (the backlog does) but never answers.
        var outcome = await sender.SendAsync($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/hook", Key, "msg_1", "{}", CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Failed("timed out"), outcome);
    }
}
