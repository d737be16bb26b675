using TicketGrains.Api.Channels.Email;
using TicketGrains.IntegrationTests.Infrastructure;
using TicketGrains.Tests.Channels.Email;

namespace TicketGrains.IntegrationTests.Channels.Outbound;

/// <summary>A customer's mail in a real SMTP session (swaks) to the silo's listener, an agent's reply, and the mail the customer's server receives.</summary>
[Collection(ReplyCollection.Name)]
public sealed class EmailReplyTests(ReplyClusterFixture cluster, ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public Task A_reply_to_a_mail_is_sent_by_smtp_threaded_under_it_with_the_ticket_tag() => cluster.RunAsync(output, async () =>
    {
        await using var mailbox = await CustomerMailbox.StartAsync();
        var agent = cluster.FreshTenant();
        var address = $"support-{Guid.NewGuid():N}@shop.example";
        var customer = $"li.lei-{Guid.NewGuid():N}@customer.test";
        (await agent.PostAsync("/api/v1/channels", new
        {
            type = "email", name = "Shop support",
            settings = new { address, smtpHost = "127.0.0.1", smtpPort = mailbox.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), useTls = "false" },
        })).Expect(System.Net.HttpStatusCode.Created);
        var session = await Swaks.SendAsync(cluster.SmtpPort, "--to", address, "--from", customer, "--header", "Subject: Refund status",
            "--header", "Message-Id: <second@mail.customer.test>", "--header", "References: <first@mail.customer.test>", "--body", "Where is my refund?");
        Assert.Equal(0, session.ExitCode);
        var ticket = (await InboundTickets.OfAsync(agent, customer, "email")).GetProperty("id").GetGuid();

        await AgentReplies.ReplyAsync(agent, ticket, "退款已到账");
        var delivery = await AgentReplies.SettledAsync(agent, ticket);

        Assert.Equal(("sent", 1, (string?)null), AgentReplies.Summary(delivery));
        await Poll.UntilAsync("the reply in the customer's mailbox", Deadline, () => Task.FromResult(!mailbox.Received.IsEmpty));
        var mail = Assert.Single(mailbox.Received);
        Assert.Equal((address, customer, $"Re: Refund status [#{ticket:D}]", ticket),
            (mail.From.Mailboxes.Single().Address, mail.To.Mailboxes.Single().Address, mail.Subject, EmailTicketReference.Find(mail.Subject)));
        Assert.Equal(("second@mail.customer.test", "退款已到账"), (mail.InReplyTo, mail.TextBody?.Trim()));
        Assert.Equal(["first@mail.customer.test", "second@mail.customer.test"], mail.References);
        Assert.Equal($"{delivery.GetProperty("messageId").GetGuid():N}@shop.example", mail.MessageId);
    });
}
