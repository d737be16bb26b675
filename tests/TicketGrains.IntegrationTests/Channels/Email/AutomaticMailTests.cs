using System.Globalization;
using System.Net;
using System.Text.Json;
using TicketGrains.IntegrationTests.Channels.Outbound;
using TicketGrains.IntegrationTests.Infrastructure;
using TicketGrains.IntegrationTests.Rules;
using TicketGrains.IntegrationTests.Webhooks;
using TicketGrains.Tests.Channels.Email;

namespace TicketGrains.IntegrationTests.Channels.Email;

/// <summary>
/// Mail no person wrote, in real SMTP sessions (swaks) to the silo's listener, read back through the API: an
/// out-of-office reply to an agent's reply kept on its solved ticket without reopening it or starting a rule, a new
/// automatic mail opening nothing, a bounce failing the reply it returns, our own mail dropped, a person's mail as ever.
/// </summary>
[Collection(ReplyCollection.Name)]
public sealed class AutomaticMailTests(ReplyClusterFixture cluster, ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public Task An_out_of_office_reply_to_a_reply_is_kept_on_its_solved_ticket_and_reopens_nothing() => cluster.RunAsync(output, async () =>
    {
        await using var mailbox = await CustomerMailbox.StartAsync();
        var shop = await ShopAsync(mailbox);
        // What many shops configure: a customer's message reopens the ticket and is acknowledged.
        await RuleRequests.PutAsync(shop.Agent, "customer-wrote", """
            {"type":"event","on":["message.added"],"conditions":{"all":[{"field":"event.author","op":"is","value":"customer"}]},
             "actions":[{"type":"setStatus","value":"open"},{"type":"reply","body":"We have your message."}]}
            """);
        var ticket = await shop.CustomerMailAsync("Refund status", "<refund-1@mail.customer.test>", "Where is my refund?");
        await AgentReplies.ReplyAsync(shop.Agent, ticket, "退款已到账");
        Assert.Equal("sent", (await AgentReplies.SettledAsync(shop.Agent, ticket)).GetProperty("state").GetString());
        var reply = Assert.Single(mailbox.Received);
        (await shop.Agent.PostAsync($"{TicketRequests.Ticket(ticket)}/status", new { status = "solved" })).Expect(HttpStatusCode.OK);

        var away = await Swaks.SendAsync(cluster.SmtpPort, "--to", shop.Address, "--from", shop.Customer,
            "--header", $"Subject: Automatic reply: {reply.Subject}", "--header", "Message-Id: <oof-1@mail.customer.test>",
            "--header", $"In-Reply-To: <{reply.MessageId}>", "--header", $"References: <refund-1@mail.customer.test> <{reply.MessageId}>",
            "--header", "Auto-Submitted: auto-replied", "--body", "I am away until Monday.");

        Assert.Contains("<-  250 2.0.0 stored", away.Transcript);
        var messages = await MessagesAsync(shop.Agent, ticket, count: 3);
        Assert.Equal(("customer", "I am away until Monday.", false, "Auto-Submitted: auto-replied", false),
            (messages[2].GetProperty("author").GetString(), messages[2].GetProperty("body").GetString(), messages[2].GetProperty("internal").GetBoolean(),
                messages[2].GetProperty("automatic").GetString(), messages[2].TryGetProperty("delivery", out var none) && none.ValueKind != JsonValueKind.Null));
        Assert.Equal("solved", (await shop.Agent.GetAsync(TicketRequests.Ticket(ticket))).Expect(HttpStatusCode.OK).Json.GetProperty("status").GetString());
        Assert.Equal([ticket], await shop.TicketsAsync());

        // The customer's own next message runs the rule; the pipeline runs rules in log order, so by then it has passed the automatic one.
        (await shop.Agent.PostAsync($"{TicketRequests.Ticket(ticket)}/messages", new { author = "customer", body = "Any news?", @internal = false }))
            .Expect(HttpStatusCode.OK);
        await Poll.UntilAsync("the rule's acknowledgement in the customer's mailbox", Deadline, () => Task.FromResult(mailbox.Received.Count == 2));
        var events = (await RuleRequests.EventsAsync(shop.Agent, ticket)).Select(e => e.GetProperty("type").GetString()).ToList();
        Assert.Equal(["StatusChanged", "MessageAdded", "MessageAdded", "TriggersFired", "StatusChanged", "MessageAdded"], events[^6..]);
        var acknowledgement = mailbox.Received.Last();
        // The rule's reply says it is automatic, the agent's did not; both answer the customer's own mail, not the out-of-office reply.
        Assert.Equal(("auto-generated", (string?)null), (acknowledgement.Headers["Auto-Submitted"], reply.Headers["Auto-Submitted"]));
        Assert.Equal(("refund-1@mail.customer.test", "refund-1@mail.customer.test"), (acknowledgement.InReplyTo, reply.InReplyTo));
    });

    [Fact]
    public Task A_new_automatic_mail_opens_no_ticket_and_stays_in_its_inbound_stream() => cluster.RunAsync(output, async () =>
    {
        await using var mailbox = await CustomerMailbox.StartAsync();
        var shop = await ShopAsync(mailbox);

        var newsletter = await Swaks.SendAsync(cluster.SmtpPort, "--to", shop.Address, "--from", "news@brand.example", "--header", "Subject: 12.12 deals",
            "--header", "Message-Id: <deals-1212@brand.example>", "--header", "Precedence: bulk", "--body", "Up to 50% off.");

        Assert.Contains("<-  250 2.0.0 stored", newsletter.Transcript);
        JsonElement threaded = default;
        await Poll.UntilAsync("the threading decision of the newsletter", Deadline, async () =>
        {
            var decided = await cluster.Database.ColumnAsync<string>(
                "SELECT data::text FROM tg_events WHERE stream_id LIKE $1 AND version = 2", $"inbound/{shop.Channel:D}/%");
            threaded = decided.Count == 1 ? JsonDocument.Parse(decided[0]).RootElement.Clone() : default;
            return decided.Count == 1;
        });
        Assert.Equal((Guid.Empty, false, "unfiled"),
            (threaded.GetProperty("ticketId").GetGuid(), threaded.GetProperty("newTicket").GetBoolean(), threaded.GetProperty("rule").GetString()));
        Assert.Equal(1, await ChannelPoster.StoredAsync(cluster.Database, shop.Channel));
        Assert.Empty(await shop.TicketsAsync());
    });

    [Fact]
    public Task A_bounce_of_a_sent_reply_marks_that_reply_failed_with_the_report_s_reason() => cluster.RunAsync(output, async () =>
    {
        await using var mailbox = await CustomerMailbox.StartAsync();
        using var receiver = new WebhookReceiver();
        var shop = await ShopAsync(mailbox);
        await WebhookDeliveryTests.RegisterAsync(shop.Agent, receiver.Url, "message.delivery");
        var ticket = await shop.CustomerMailAsync("Invoice", "<invoice-1@mail.customer.test>", "Please send the invoice.");
        await AgentReplies.ReplyAsync(shop.Agent, ticket, "发票已寄出");
        var sent = await AgentReplies.SettledAsync(shop.Agent, ticket);
        Assert.Equal("sent", sent.GetProperty("state").GetString());
        await BounceSessions.SendAsync(cluster.SmtpPort, shop.Address, sent.GetProperty("messageId").GetGuid());

        var delivery = (await shop.Agent.GetAsync(TicketRequests.Ticket(ticket))).Expect(HttpStatusCode.OK).Json.GetProperty("messages")[1].GetProperty("delivery");
        Assert.Equal(("failed", 1, "bounced: 5.1.1 smtp; 550 5.1.1 <nobody@customer.test>: Recipient address rejected: User unknown in local recipient table"),
            AgentReplies.Summary(delivery));
        Assert.Equal((sent.GetProperty("messageId").GetGuid(), sent.GetProperty("sentAt").GetDateTimeOffset()),
            (delivery.GetProperty("messageId").GetGuid(), delivery.GetProperty("sentAt").GetDateTimeOffset()));
        Assert.Equal(1, await ChannelPoster.StoredAsync(cluster.Database, shop.Channel));
        Assert.Equal([ticket], await shop.TicketsAsync());

        // Webhooks hear of the bounce as they heard of the sending: the reply's second outcome, failed with the reason.
        await BounceSessions.AssertSentThenFailedAsync(receiver, ticket, AgentReplies.Summary(delivery).Reason!, Deadline);
    });

    [Fact]
    public Task Mail_from_our_own_channel_address_is_dropped_and_a_person_s_mail_still_opens_a_ticket() => cluster.RunAsync(output, async () =>
    {
        await using var mailbox = await CustomerMailbox.StartAsync();
        var shop = await ShopAsync(mailbox);

        var loop = await Swaks.SendAsync(cluster.SmtpPort, "--to", shop.Address, "--from", shop.Address, "--header", "Subject: Re: Invoice", "--body", "echo");
        var person = await Swaks.SendAsync(cluster.SmtpPort, "--to", shop.Address, "--from", "wang.fang@corp.example",
            "--data", "@" + EmailFixtures.PathOf("customer-outlook.eml"));

        Assert.Contains("<-  250 2.0.0 dropped: our own mail", loop.Transcript);
        Assert.Contains("<-  250 2.0.0 stored", person.Transcript);
        var ticket = await InboundTickets.OfAsync(shop.Agent, "wang.fang@corp.example", "email");
        Assert.Equal("Invoice for order 20261111-42", ticket.GetProperty("subject").GetString());
        var message = Assert.Single(await MessagesAsync(shop.Agent, ticket.GetProperty("id").GetGuid(), count: 1));
        Assert.Equal(("请开发票，谢谢。", false), (message.GetProperty("body").GetString(), message.TryGetProperty("automatic", out var mark) && mark.ValueKind != JsonValueKind.Null));
        Assert.Equal(1, await ChannelPoster.StoredAsync(cluster.Database, shop.Channel));
    });

    private async Task<Shop> ShopAsync(CustomerMailbox mailbox)
    {
        var agent = cluster.FreshTenant();
        var address = $"support-{Guid.NewGuid():N}@shop.example";
        var created = (await agent.PostAsync("/api/v1/channels", new
        {
            type = "email", name = "Shop support",
            settings = new { address, smtpHost = "127.0.0.1", smtpPort = mailbox.Port.ToString(CultureInfo.InvariantCulture), useTls = "false" },
        })).Expect(HttpStatusCode.Created);
        return new Shop(cluster, agent, created.Id, address, $"li.lei-{Guid.NewGuid():N}@customer.test");
    }

    private static async Task<List<JsonElement>> MessagesAsync(ApiClient agent, Guid ticket, int count)
    {
        var messages = new List<JsonElement>();
        await Poll.UntilAsync($"{count} messages on ticket {ticket}", Deadline, async () =>
        {
            messages = [.. (await agent.GetAsync(TicketRequests.Ticket(ticket))).Expect(HttpStatusCode.OK).Json.GetProperty("messages").EnumerateArray()];
            return messages.Count >= count;
        });
        return messages;
    }

    private sealed record Shop(ReplyClusterFixture Cluster, ApiClient Agent, Guid Channel, string Address, string Customer)
    {
        /// <summary>The customer's mail in a real SMTP session, and the ticket it opened.</summary>
        public async Task<Guid> CustomerMailAsync(string subject, string messageId, string body)
        {
            var session = await Swaks.SendAsync(Cluster.SmtpPort, "--to", Address, "--from", Customer, "--header", "Subject: " + subject,
                "--header", "Message-Id: " + messageId, "--body", body);
            Assert.Contains("<-  250 2.0.0 stored", session.Transcript);
            return (await InboundTickets.OfAsync(Agent, Customer, "email")).GetProperty("id").GetGuid();
        }

        /// <summary>Every ticket of the shop (a fresh tenant: the channel's only).</summary>
        public async Task<List<Guid>> TicketsAsync() =>
            [.. (await Agent.GetAsync(TicketRequests.Tickets)).Expect(HttpStatusCode.OK).Json.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetGuid())];
    }
}
