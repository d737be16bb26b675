using System.Net;
using System.Text.Json;
using TicketGrains.IntegrationTests.Api;
using TicketGrains.IntegrationTests.Channels;
using TicketGrains.IntegrationTests.Infrastructure;
using TicketGrains.Tests.Channels.App;

namespace TicketGrains.IntegrationTests.Surges;

/// <summary>
/// A burst of logistics-delay messages through a real app channel, silo and PostgreSQL: one surge, one notice for each
/// customer with an order (however many tickets they opened), none for customers without one, a problem ticket linking
/// the incidents, and the category's next ticket in the surge queue. The tenant is new, so its baseline is empty and the
/// floor (10 tickets in the window) decides; the seasonal baseline is the unit tests' and the bench's.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class SurgeEndToEndTests(ApiClusterFixture cluster, ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private const string Category = "logistics_exception";
    private const string Notice = "近期物流延迟，您的订单我们正在跟进，无需重复咨询";

    [Fact]
    public Task A_burst_of_logistics_delay_messages_makes_one_surge_and_one_notice_per_customer_with_an_order() => cluster.RunAsync(output, async () =>
    {
        var (poster, channel) = await ChannelPoster.CreateAsync(cluster.Http, cluster.FreshTenant());
        var admin = poster.Admin;
        (await admin.PutAsync("/api/v1/surges/settings", new
        {
            openProblemTicket = true, notifyCustomers = true, notice = new { zh = Notice, en = "Deliveries are delayed; we are on it." }, surgeQueue = "logistics-surge",
        })).Expect(HttpStatusCode.OK);
        var run = Guid.NewGuid().ToString("N")[..6];
        var withOrder = Enumerable.Range(1, 8).Select(i => $"o{i}-{run}").ToList();
        var withoutOrder = Enumerable.Range(1, 3).Select(i => $"n{i}-{run}").ToList();

        var n = 0;
        foreach (var user in withOrder)
        {
            await PostAsync(poster, channel, $"m{++n}", user, $"订单 20261111-{n:D2} 物流停在杭州五天没动", "conv-1");
        }

        // Two customers open a second ticket (another order, another conversation): they still get one notice.
        await PostAsync(poster, channel, $"m{++n}", withOrder[0], $"还有订单 20261111-{n:D2} 快递三天没动了，物流一直不更新", "conv-2");
        await PostAsync(poster, channel, $"m{++n}", withOrder[1], $"另一个订单 20261111-{n:D2} 包裹卡在转运中心好几天了", "conv-2");
        foreach (var user in withoutOrder)
        {
            await PostAsync(poster, channel, $"m{++n}", user, "快递三天没动了，物流一直不更新", "conv-1");
        }

        var surge = default(JsonElement);
        await Poll.UntilAsync("the surge with its 13 incidents and 8 notices", Deadline, async () =>
        {
            var list = (await admin.GetAsync($"/api/v1/surges?category={Category}")).Expect(HttpStatusCode.OK).Json.GetProperty("items");
            surge = list.GetArrayLength() == 1 ? list[0] : default;
            return list.GetArrayLength() == 1 && surge.GetProperty("incidents").GetInt32() == 13 && surge.GetProperty("notices").GetInt32() == 8;
        });
        Assert.Equal(("active", 10), (surge.GetProperty("state").GetString(), surge.GetProperty("windowCount").GetInt32()));
        var surgeId = surge.GetProperty("id").GetGuid();
        var problem = surge.GetProperty("problemTicketId").GetGuid();

        // Each customer with an order was told exactly once, across all their tickets; the others not at all.
        await Poll.UntilAsync("every incident reached", Deadline, async () => (await cluster.Database.ColumnAsync<long>(
            "SELECT count(*) FROM tg_surge_incidents WHERE surge_id = $1 AND NOT handled", surgeId)).Single() == 0);
        foreach (var user in withOrder.Concat(withoutOrder))
        {
            var notices = await NoticesAsync(admin, user, surgeId);
            Assert.True(notices == (withOrder.Contains(user) ? 1 : 0), $"{user} got {notices} notices");
        }

        var incident = (await admin.GetAsync($"/api/v1/surges/{surgeId}")).Expect(HttpStatusCode.OK).Json.GetProperty("incidentTickets")[0].GetGuid();
        var fields = (await admin.GetAsync(TicketRequests.Ticket(incident))).Expect(HttpStatusCode.OK).Json.GetProperty("fields");
        Assert.Equal(problem.ToString("D"), fields.GetProperty("problemTicketId").GetString());
        var parent = (await admin.GetAsync(TicketRequests.Ticket(problem))).Expect(HttpStatusCode.OK).Json;
        Assert.Equal((Category, surgeId.ToString("D")), (parent.GetProperty("category").GetString(), parent.GetProperty("fields").GetProperty("surgeId").GetString()));

        // While it lasts the category's new tickets go to the surge queue, and the surge stays one.
        await PostAsync(poster, channel, $"m{++n}", $"late-{run}", "物流延迟太久了，说好的次日达三天还没到", "conv-1");
        var late = await InboundTickets.OfAsync(admin, $"late-{run}", "app");
        Assert.Equal("logistics-surge", late.GetProperty("queue").GetString());
        Assert.Equal(1, (await admin.GetAsync("/api/v1/surges")).Json.GetProperty("items").GetArrayLength());
        Assert.Equal(1, (await cluster.Database.ColumnAsync<long>("SELECT count(*) FROM tg_events WHERE stream_id = $1", $"surge/{surgeId:D}")).Single());
    });

    [Fact]
    public Task With_every_reaction_off_a_surge_lists_its_incidents_and_leaves_their_tickets_alone() => cluster.RunAsync(output, async () =>
    {
        var (poster, channel) = await ChannelPoster.CreateAsync(cluster.Http, cluster.FreshTenant());
        var admin = poster.Admin;
        var run = Guid.NewGuid().ToString("N")[..6];
        for (var n = 1; n <= 11; n++)
        {
            await PostAsync(poster, channel, $"q{n}", $"q{n}-{run}", $"订单 20261212-{n:D2} 物流停在杭州五天没动", "conv-1");
        }

        var surgeId = Guid.Empty;
        await Poll.UntilAsync("the surge with its 11 incidents", Deadline, async () =>
        {
            var list = (await admin.GetAsync($"/api/v1/surges?category={Category}")).Expect(HttpStatusCode.OK).Json.GetProperty("items");
            surgeId = list.GetArrayLength() == 1 && list[0].GetProperty("incidents").GetInt32() == 11 ? list[0].GetProperty("id").GetGuid() : Guid.Empty;
            return surgeId != Guid.Empty;
        });
        await Poll.UntilAsync("every incident handled", Deadline, async () => (await cluster.Database.ColumnAsync<long>(
            "SELECT count(*) FROM tg_surge_incidents WHERE surge_id = $1 AND NOT handled", surgeId)).Single() == 0);

        // Nothing was asked of the tickets: no link field, no event beyond what the customer's message made.
        var incidents = (await admin.GetAsync($"/api/v1/surges/{surgeId}")).Expect(HttpStatusCode.OK).Json.GetProperty("incidentTickets");
        Assert.Equal(11, incidents.GetArrayLength());
        foreach (var incident in incidents.EnumerateArray().Select(i => i.GetGuid()))
        {
            var fields = (await admin.GetAsync(TicketRequests.Ticket(incident))).Expect(HttpStatusCode.OK).Json.GetProperty("fields");
            Assert.False(fields.TryGetProperty("surgeId", out _), $"ticket {incident} was linked: {fields}");
            Assert.Empty(await Attachments.AttachmentRequests.EventsAsync(admin, incident, "FieldsChanged"));
        }
    });

    [Fact]
    public Task Settings_are_off_by_default_and_a_wrong_member_is_named() => cluster.RunAsync(output, async () =>
    {
        var admin = cluster.FreshTenant();
        var settings = (await admin.GetAsync("/api/v1/surges/settings")).Expect(HttpStatusCode.OK).Json;
        Assert.False(settings.GetProperty("openProblemTicket").GetBoolean());
        Assert.False(settings.GetProperty("notifyCustomers").GetBoolean());

        var refused = (await admin.PutAsync("/api/v1/surges/settings", new { notifyCustomers = true, notice = new { de = "Hallo" }, surgeQueue = "a b" }))
            .Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["notice.de", "surgeQueue"], refused.ErrorFields);
        Assert.Equal(["state"], (await admin.GetAsync("/api/v1/surges?state=open")).Expect(HttpStatusCode.BadRequest).ErrorFields);
        (await admin.GetAsync($"/api/v1/surges/{Guid.NewGuid()}")).Expect(HttpStatusCode.NotFound);
    });

    private static async Task PostAsync(ChannelPoster poster, Guid channel, string messageId, string user, string text, string thread) =>
        (await poster.PostAsync(channel, AppRequests.Text($"{messageId}-{user}", user, text, DateTimeOffset.UtcNow, thread))).Expect(HttpStatusCode.OK);

    /// <summary>The surge's notices on all of the customer's tickets.</summary>
    private static async Task<int> NoticesAsync(ApiClient admin, string user, Guid surgeId)
    {
        var customer = (await admin.GetAsync($"/api/v1/customers?channel=app&externalId={user}")).Expect(HttpStatusCode.OK).Id;
        var tickets = (await admin.GetAsync($"{TicketRequests.Tickets}?customerId={customer}")).Expect(HttpStatusCode.OK).Json.GetProperty("items");
        var notices = 0;
        foreach (var ticket in tickets.EnumerateArray())
        {
            var messages = (await admin.GetAsync(TicketRequests.Ticket(ticket.GetProperty("id").GetGuid()))).Json.GetProperty("messages");
            notices += messages.EnumerateArray().Count(m => m.GetProperty("author").GetString() == $"surge:{surgeId:D}");
        }

        return notices;
    }
}
