using System.Net;
using System.Text.Json;
using TicketGrains.IntegrationTests.Api;
using TicketGrains.IntegrationTests.Channels;
using TicketGrains.IntegrationTests.Infrastructure;
using TicketGrains.Tests.Channels.App;

namespace TicketGrains.IntegrationTests.AutoFill;

/// <summary>
/// The category model in a real silo (the model test.sh builds): an inbound refund message becomes a refund ticket that
/// routing and the SLA policy for refunds take up, an API create without a category gets the predicted one, and POST
/// /api/v1/intents/classify answers and refuses over HTTP.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class IntentClassificationTests(ApiClusterFixture cluster, ITestOutputHelper output)
{
    [Fact]
    public Task An_inbound_refund_message_opens_a_refund_ticket_routed_to_after_sales_under_the_refund_sla_policy() => cluster.RunAsync(output, async () =>
    {
        var (poster, channel) = await ChannelPoster.CreateAsync(cluster.Http, cluster.FreshTenant());
        (await poster.Admin.PutAsync("/api/v1/sla-policies/refunds", new
        {
            order = 1,
            conditions = new { category = new[] { "refund" } },
            targets = new[] { new { metric = "first_reply", seconds = 900 } },
        })).Expect(HttpStatusCode.OK);
        var user = "u-" + Guid.NewGuid().ToString("N")[..8];

        (await poster.PostAsync(channel, AppRequests.Text("r-1", user, "申请退款一个星期了，钱还没退回来，订单 20261111-42", DateTimeOffset.UtcNow)))
            .Expect(HttpStatusCode.OK);

        var ticket = await InboundTickets.OfAsync(poster.Admin, user, "app");
        Assert.Equal(("refund", "after-sales", JsonValueKind.Null), (ticket.GetProperty("category").GetString(), ticket.GetProperty("queue").GetString(),
            ticket.GetProperty("proposedCategory").ValueKind));
        var events = (await poster.Admin.GetAsync(TicketRequests.Ticket(ticket.GetProperty("id").GetGuid()) + "/events")).Expect(HttpStatusCode.OK).Json;
        var created = JsonDocument.Parse(events[0].GetProperty("data").GetString()!).RootElement;
        Assert.Equal("refunds", created.GetProperty("sla").GetProperty("policy").GetString());
    });

    [Fact]
    public Task An_api_ticket_without_a_category_gets_the_predicted_one_and_its_route_while_a_named_category_is_kept() => cluster.RunAsync(output, async () =>
    {
        var api = cluster.FreshTenant();
        const string subject = "申请退款";
        const string body = "申请退款一个星期了，钱还没退回来";

        var predicted = (await api.PostAsync(TicketRequests.Tickets, ApiCreate(subject, body, category: null))).Expect(HttpStatusCode.Created).Json;
        var named = (await api.PostAsync(TicketRequests.Tickets, ApiCreate(subject, body, category: "general"))).Expect(HttpStatusCode.Created).Json;

        Assert.Equal(("refund", "after-sales", JsonValueKind.Null), (predicted.GetProperty("category").GetString(),
            predicted.GetProperty("queue").GetString(), predicted.GetProperty("proposedCategory").ValueKind));
        Assert.Equal(("general", "general", JsonValueKind.Null), (named.GetProperty("category").GetString(),
            named.GetProperty("queue").GetString(), named.GetProperty("proposedCategory").ValueKind));
    });

    [Fact]
    public Task An_api_ticket_without_a_category_follows_the_classifier_and_the_threshold() => cluster.RunAsync(output, async () =>
    {
        var api = cluster.FreshTenant();
        const string subject = "hello";
        const string body = "ok";
        var classified = (await api.PostAsync("/api/v1/intents/classify", new { text = subject + "\n" + body })).Expect(HttpStatusCode.OK).Json;
        var (category, confidence) = (classified.GetProperty("category").GetString(), classified.GetProperty("confidence").GetDouble());

        var ticket = (await api.PostAsync(TicketRequests.Tickets, ApiCreate(subject, body, category: null))).Expect(HttpStatusCode.Created).Json;

        // Whichever side of the threshold (Intents:SetCategoryFrom, 0.6) this vague text falls, the ticket shows it: set, or proposed.
        if (confidence >= 0.6)
        {
            Assert.Equal((category, JsonValueKind.Null), (ticket.GetProperty("category").GetString(), ticket.GetProperty("proposedCategory").ValueKind));
        }
        else
        {
            var proposed = ticket.GetProperty("proposedCategory");
            Assert.Equal(("general", category, confidence), (ticket.GetProperty("category").GetString(), proposed.GetProperty("category").GetString(),
                proposed.GetProperty("confidence").GetDouble()));
        }
    });

    private static object ApiCreate(string subject, string body, string? category) => new
    {
        channel = "web",
        customer = new { externalId = TicketRequests.NewCustomer() },
        subject,
        body,
        category,
    };

    [Fact]
    public Task Classify_answers_the_category_its_confidence_and_the_alternatives() => cluster.RunAsync(output, async () =>
    {
        var api = cluster.FreshTenant();

        var answer = (await api.PostAsync("/api/v1/intents/classify", new { text = "快递显示已签收，但是我根本没收到包裹 😡" })).Expect(HttpStatusCode.OK).Json;

        Assert.Equal(["alternatives", "category", "confidence"], answer.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("logistics_exception", answer.GetProperty("category").GetString());
        var alternatives = answer.GetProperty("alternatives").EnumerateArray().ToList();
        Assert.Equal(3, alternatives.Count);
        Assert.All(alternatives, a => Assert.Equal(["category", "confidence"], a.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)));
        var confidences = alternatives.Select(a => a.GetProperty("confidence").GetDouble()).Prepend(answer.GetProperty("confidence").GetDouble()).ToList();
        Assert.Equal(confidences.OrderDescending(), confidences);
        Assert.InRange(confidences.Sum(), 0, 1.0001);
    });

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"text":"  "}""")]
    [InlineData("""{"text":null}""")]
    public Task Classify_without_text_is_a_problem_naming_text(string body) => cluster.RunAsync(output, async () =>
    {
        var refused = (await cluster.FreshTenant().PostRawAsync("/api/v1/intents/classify", body)).Expect(HttpStatusCode.BadRequest);

        Assert.Equal(["text"], refused.ErrorFields);
    });

    [Fact]
    public Task Classify_refuses_a_text_over_4000_characters_and_a_caller_without_tickets_read() => cluster.RunAsync(output, async () =>
    {
        var api = cluster.FreshTenant();
        var tooLong = (await api.PostAsync("/api/v1/intents/classify", new { text = new string('退', 4001) })).Expect(HttpStatusCode.BadRequest);
        var writer = cluster.Client(api.Tenant, TestTokens.Mint(api.Tenant!, "writer-only", permissions: ["tickets:write"]));

        Assert.Equal(["text"], tooLong.ErrorFields);
        (await writer.PostAsync("/api/v1/intents/classify", new { text = "退款" })).Expect(HttpStatusCode.Forbidden);
    });
}
