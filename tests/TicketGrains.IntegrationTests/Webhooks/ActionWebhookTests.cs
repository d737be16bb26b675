using System.Net;
using TicketGrains.IntegrationTests.Infrastructure;
using TicketGrains.IntegrationTests.Rules;

namespace TicketGrains.IntegrationTests.Webhooks;

/// <summary>A trigger's webhook action calls a registered webhook through its outbox; an unregistered URL is refused.</summary>
[Collection(WebhookCollection.Name)]
public sealed class ActionWebhookTests(WebhookClusterFixture cluster, ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public Task A_trigger_webhook_action_calls_the_registered_webhook_once_signed_with_its_secret() => cluster.RunAsync(output, async () =>
    {
        using var receiver = new WebhookReceiver();
        var api = cluster.FreshTenant();
        var (webhookId, secret) = await WebhookDeliveryTests.RegisterAsync(api, receiver.Url, "trigger.webhook");
        (await api.PutAsync($"{RuleRequests.Rules}/call-ops", RuleRequests.Json($$"""
            {"type":"event","on":["ticket.created"],"actions":[{"type":"addTags","values":["called"]},{"type":"webhook","url":"{{receiver.Url}}"}]}
            """))).Expect(HttpStatusCode.OK);

        var ticket = await WebhookDeliveryTests.CreateTicketAsync(api, "ORD-CALL");
        await Poll.UntilAsync("the trigger's call", Deadline, () => Task.FromResult(receiver.Received.Any(r => r.Accepted)));
        // A second ticket's call arriving shows the pipeline passed the first ticket's later events without a second call.
        var other = await WebhookDeliveryTests.CreateTicketAsync(api, "ORD-CALL-2");
        await Poll.UntilAsync("the second ticket's call", Deadline, () => Task.FromResult(receiver.Received.Any(r => r.TicketId == other)));

        var call = Assert.Single(receiver.Received, r => r.TicketId == ticket);
        Assert.Equal(("trigger.webhook", "TriggersFired"), (call.Type, call.Json.GetProperty("data").GetProperty("event").GetString()));
        Assert.Equal(["call-ops"], call.Json.GetProperty("data").GetProperty("details").GetProperty("rules").EnumerateArray().Select(r => r.GetString()));
        Assert.True(call.SignedWith(secret));
        var log = (await api.GetAsync($"/api/v1/webhooks/{webhookId}/deliveries")).Expect(HttpStatusCode.OK).Json.GetProperty("items");
        Assert.Equal(2, log.GetArrayLength());
    });

    [Fact]
    public Task A_webhook_action_or_escalation_naming_no_registered_webhook_is_a_400_and_is_not_stored() => cluster.RunAsync(output, async () =>
    {
        var api = cluster.FreshTenant();

        var rule = (await api.PutAsync($"{RuleRequests.Rules}/call-nobody", RuleRequests.Json("""
            {"type":"event","on":["ticket.created"],"actions":[{"type":"webhook","url":"https://ops.example.com/hook"}]}
            """))).Expect(HttpStatusCode.BadRequest);
        var policy = (await api.PutAsync("/api/v1/sla-policies/escalate", new
        {
            targets = new[] { new { metric = "first_reply", seconds = 600 } },
            escalation = new { webhook = "https://ops.example.com/sla" },
        })).Expect(HttpStatusCode.BadRequest);

        Assert.Equal(["/actions/0/url"], rule.ErrorFields);
        Assert.Equal(["/escalation/webhook"], policy.ErrorFields);
        (await api.GetAsync($"{RuleRequests.Rules}/call-nobody")).Expect(HttpStatusCode.NotFound);
        (await api.GetAsync("/api/v1/sla-policies/escalate")).Expect(HttpStatusCode.NotFound);
    });
}
