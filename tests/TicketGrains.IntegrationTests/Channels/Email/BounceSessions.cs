using TicketGrains.Api.Privacy;
using TicketGrains.IntegrationTests.Infrastructure;
using TicketGrains.IntegrationTests.Webhooks;
using TicketGrains.Tests.Channels.Email;

namespace TicketGrains.IntegrationTests.Channels.Email;

/// <summary>A mail server's bounce of a sent reply in a real SMTP session, and what the webhooks must hear of it.</summary>
internal static class BounceSessions
{
    /// <summary>Postfix's report that the reply did not arrive, sent from the null sender to the channel's address.</summary>
    public static async Task SendAsync(int smtpPort, string channelAddress, Guid replyMessageId)
    {
        var bounce = Path.Combine(Path.GetTempPath(), $"bounce-{Guid.NewGuid():N}.eml");
        await File.WriteAllBytesAsync(bounce, EmailFixtures.PostfixBounce(replyMessageId.ToString("N"), channelAddress));
        try
        {
            var session = await Swaks.SendAsync(smtpPort, "--to", channelAddress, "--from", "", "--data", "@" + bounce);
            Assert.Contains("<-  250 2.0.0 delivery report recorded", session.Transcript);
        }
        finally
        {
            File.Delete(bounce);
        }
    }

    /// <summary>The reply's two outcomes, each once and for its ticket: sent, then failed with the reason as masked.</summary>
    public static async Task AssertSentThenFailedAsync(WebhookReceiver receiver, Guid ticket, string reason, TimeSpan deadline)
    {
        await Poll.UntilAsync("the sent and the bounced outcome at the webhook", deadline, () => Task.FromResult(receiver.Received.Count(r => r.Accepted) >= 2));
        Assert.Equal([("sent", (string?)null), ("failed", FreeTextMask.Mask(reason))],
            receiver.Received.Where(r => r.Accepted).Select(r => r.Json.GetProperty("data").GetProperty("details"))
                .Select(d => (d.GetProperty("state").GetString(), d.TryGetProperty("reason", out var masked) ? masked.GetString() : null)));
        Assert.All(receiver.Received, r => Assert.Equal(("message.delivery", ticket), (r.Type, r.TicketId)));
    }
}
