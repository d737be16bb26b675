using System.Net;
using TicketGrains.IntegrationTests.Api;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Rules;

/// <summary>Event and time rules run by the committed-event pipeline on a real silo and PostgreSQL.</summary>
[Collection(ApiCollection.Name)]
public sealed class TriggerTests(ApiClusterFixture cluster, ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public Task An_event_rule_acts_on_a_customer_message_and_records_why() => cluster.RunAsync(output, async () =>
    {
        var api = cluster.FreshTenant();
        await RuleRequests.PutAsync(api, "angry-customer", """
            {"type":"event","on":["message.added"],
             "conditions":{"all":[{"field":"event.author","op":"is","value":"customer"}],"any":[{"field":"subject","op":"contains","value":"parcel"}]},
             "actions":[{"type":"setPriority","value":"urgent"},{"type":"addTags","values":["chased"]},
                        {"type":"reply","internal":true,"body":"Customer chased on {{fields.orderNo}}"}]}
            """);
        var ticket = await RuleRequests.CreateAsync(api);

        (await api.PostAsync($"{TicketRequests.Ticket(ticket)}/messages", new { author = "customer", body = "Still nothing!", @internal = false })).Expect(HttpStatusCode.OK);
        await Poll.UntilAsync("the rule's changes", Deadline, async () =>
            (await api.GetAsync(TicketRequests.Ticket(ticket))).Json.GetProperty("priority").GetString() == "urgent"
            && (await RuleRequests.EventsAsync(api, ticket)).Count == 6);

        var events = await RuleRequests.EventsAsync(api, ticket);
        Assert.Equal(["TicketCreated", "MessageAdded", "TriggersFired", "PriorityChanged", "TagsChanged", "MessageAdded"], events.Select(e => e.GetProperty("type").GetString()));
        var fired = RuleRequests.Data(events[2]);
        Assert.Equal(("message.added", "angry-customer", 2, false), (fired.GetProperty("kind").GetString(), fired.GetProperty("rules")[0].GetString(),
            fired.GetProperty("passes").GetInt32(), fired.GetProperty("loopGuardHit").GetBoolean()));
        var note = RuleRequests.Data(events[5]);
        Assert.Equal(("Customer chased on 20261111-42", true, "trigger:angry-customer"), (note.GetProperty("body").GetString(),
            note.GetProperty("internal").GetBoolean(), note.GetProperty("actor").GetString()));
    });

    [Fact]
    public Task A_time_rule_fires_within_one_second_of_its_due_time() => cluster.RunAsync(output, async () =>
    {
        var api = cluster.FreshTenant();
        await RuleRequests.PutAsync(api, "pending-nudge", """
            {"type":"time","status":"pending","afterSeconds":3,"actions":[{"type":"reply","body":"Anything else we can do?"}]}
            """);
        var ticket = await RuleRequests.CreateAsync(api);
        (await api.PostAsync($"{TicketRequests.Ticket(ticket)}/status", new { status = "pending" })).Expect(HttpStatusCode.OK);

        await Poll.UntilAsync("the time rule's reply", Deadline, async () => (await RuleRequests.EventsAsync(api, ticket)).Count == 4);

        var events = await RuleRequests.EventsAsync(api, ticket);
        Assert.Equal(["TicketCreated", "StatusChanged", "TriggersFired", "MessageAdded"], events.Select(e => e.GetProperty("type").GetString()));
        var due = RuleRequests.Data(events[1]).GetProperty("at").GetDateTimeOffset().AddSeconds(3);
        var fired = RuleRequests.Data(events[2]).GetProperty("at").GetDateTimeOffset();
        output.WriteLine($"fired {(fired - due).TotalMilliseconds:F0} ms after its due time");
        Assert.InRange(fired - due, TimeSpan.Zero, TimeSpan.FromSeconds(1));
        Assert.Equal("Anything else we can do?", RuleRequests.Data(events[3]).GetProperty("body").GetString());
    });

    [Fact]
    public Task The_built_in_shipped_trigger_replies_with_the_tracking_number_and_moves_the_ticket_to_pending() => cluster.RunAsync(output, async () =>
    {
        var api = cluster.FreshTenant();
        var orderNo = "SO-" + Guid.NewGuid().ToString("N")[..10];
        var ticket = (await api.PostAsync(TicketRequests.Tickets, new
        {
            channel = "web",
            customer = new { externalId = TicketRequests.NewCustomer() },
            subject = "什么时候发货？",
            body = "When does my order ship?",
            category = "logistics",
            fields = new Dictionary<string, string> { ["orderNo"] = orderNo },
        })).Expect(HttpStatusCode.Created).Id;

        (await api.PostAsync("/api/v1/order-events", new { eventId = "ev-" + orderNo, type = "shipped", orderNo, trackingNo = "SF1234567890", carrier = "顺丰速运" }))
            .Expect(HttpStatusCode.OK);
        await Poll.UntilAsync("the shipped reply", Deadline, async () =>
            (await api.GetAsync(TicketRequests.Ticket(ticket))).Json.GetProperty("status").GetString() == "pending");

        var events = await RuleRequests.EventsAsync(api, ticket);
        Assert.Equal(["TicketCreated", "OrderEventApplied", "TriggersFired", "MessageAdded", "StatusChanged"], events.Select(e => e.GetProperty("type").GetString()));
        var reply = RuleRequests.Data(events[3]);
        Assert.Contains($"{orderNo} 已发货，顺丰速运 运单号 SF1234567890", reply.GetProperty("body").GetString());
        Assert.Equal((false, "trigger:builtin-shipped"), (reply.GetProperty("internal").GetBoolean(), reply.GetProperty("actor").GetString()));
    });
}
