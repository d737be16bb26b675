using System.Globalization;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using TicketGrains.Api.Channels.Inbound;
using TicketGrains.Api.Channels.Outbound;

namespace TicketGrains.Api.Channels.Email;

/// <summary>
/// Sends replies of e-mail channels through the channel's own mail server (smtpHost, smtpPort, optional smtpUser and
/// smtpPassword, useTls). Reports only: a 4xx answer, a dropped connection or a timeout can be retried, a 5xx answer,
/// refused credentials, a failed TLS handshake or a missing setting cannot.
/// </summary>
public sealed class EmailChannelSender(IOptions<EmailChannelOptions> options, TimeProvider time) : IChannelSender
{
    public string Type => EmailChannelAdapter.ChannelType;

    public async Task<SendOutcome> SendAsync(ChannelInfo channel, OutboundMessage message, CancellationToken cancellationToken)
    {
        if (EmailServer.Of(channel.Settings) is not { } server)
        {
            return SendOutcome.Failed($"the channel's settings {EmailSettings.Address}, {EmailSettings.SmtpHost} and {EmailSettings.SmtpPort} (a port number) are required to send", retryable: false);
        }

        var mail = EmailReplyComposer.Compose(channel, message, time.GetUtcNow());
        var timeout = options.Value.SendTimeout;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        using var client = new SmtpClient { Timeout = (int)timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(server.Host, server.Port, server.Security, deadline.Token);
            if (server.User is not null)
            {
                await client.AuthenticateAsync(server.User, server.Password ?? "", deadline.Token);
            }

            await client.SendAsync(mail, deadline.Token);
            await client.DisconnectAsync(quit: true, deadline.Token);
            return SendOutcome.Delivered(mail.MessageId);
        }
        catch (SmtpCommandException e)
        {
            var code = (int)e.StatusCode;
            return SendOutcome.Failed(string.Create(CultureInfo.InvariantCulture, $"{code} {e.Message}"), retryable: code < 500);
        }
        catch (AuthenticationException e)
        {
            return SendOutcome.Failed("authentication refused: " + e.Message, retryable: false);
        }
        catch (SslHandshakeException e)
        {
            // A certificate the server cannot prove or no TLS at all: the channel's settings must change first.
            return SendOutcome.Failed("TLS handshake failed: " + e.Message, retryable: false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return SendOutcome.Failed($"timed out after {timeout.TotalSeconds:0.#} s", retryable: true);
        }
        catch (Exception e) when (e is SocketException or IOException or SmtpProtocolException or ServiceNotConnectedException)
        {
            return SendOutcome.Failed(e.Message, retryable: true);
        }
    }
}
