using TicketGrains.Grains.Pipeline;
using TicketGrains.Grains.Webhooks;
using Xunit;

namespace TicketGrains.Tests.Webhooks;

public sealed class ActionWebhooksTests
{
    private static CommittedEvent Event(string type, string data) => new(7, 3, "shop", "ticket-1", 4, type, data, DateTimeOffset.UnixEpoch);

    [Fact]
    public void A_triggers_record_names_each_url_once_in_the_form_registered_webhooks_store()
    {
        var e = Event("TriggersFired", """{"rules":["a","b"],"webhooks":["https://ops.example.com","https://ops.example.com/","https://x.example.com/h?q=1",42]}""");

        Assert.Equal(["https://ops.example.com/", "https://x.example.com/h?q=1"], ActionWebhooks.UrlsOf(e));
        Assert.Equal("trigger.webhook", ActionWebhooks.TypeOf(e.EventType));
    }

    [Fact]
    public void A_breach_names_its_escalation_webhook_and_is_delivered_as_the_breach()
    {
        var e = Event("SlaBreached", """{"metric":"first_reply","webhook":"https://ops.example.com/sla"}""");

        Assert.Equal(["https://ops.example.com/sla"], ActionWebhooks.UrlsOf(e));
        Assert.Equal("sla.breached", ActionWebhooks.TypeOf(e.EventType));
    }

    [Fact]
    public void Events_without_actions_name_no_url()
    {
        Assert.Empty(ActionWebhooks.UrlsOf(Event("SlaBreached", """{"metric":"first_reply","webhook":null}""")));
        Assert.Empty(ActionWebhooks.UrlsOf(Event("TriggersFired", """{"rules":["a"]}""")));
        Assert.Empty(ActionWebhooks.UrlsOf(Event("MessageAdded", """{"webhook":"https://ops.example.com/"}""")));
        Assert.False(ActionWebhooks.MayCall("MessageAdded"));
    }
}
