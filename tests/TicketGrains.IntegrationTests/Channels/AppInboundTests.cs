using System.Net;
using System.Text.Json;
using TicketGrains.Api.Channels.Inbound;
using TicketGrains.IntegrationTests.Api;
using TicketGrains.IntegrationTests.Infrastructure;
using TicketGrains.Tests.Channels.App;

namespace TicketGrains.IntegrationTests.Channels;

/// <summary>
/// Raw signed requests of the app and phone channels over real HTTP, to the ticket they become (read through the API):
/// stored once whatever the platform retries, refused with a named field and stored not at all when not genuine.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class AppInboundTests(ApiClusterFixture cluster, ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public Task A_signed_message_becomes_a_ticket_of_the_customer_and_a_second_on_the_thread_joins_it() => cluster.RunAsync(output, async () =>
    {
        var (poster, channel) = await ChannelPoster.CreateAsync(cluster.Http, cluster.FreshTenant());
        var user = "u-" + Guid.NewGuid().ToString("N")[..8];
        var first = (await poster.PostAsync(channel, AppRequests.Text("m-1", user, "订单 20261111-42 还没发货", DateTimeOffset.UtcNow, "conv-1")))
            .Expect(HttpStatusCode.OK);
        Assert.Equal("{\"received\":true}", first.Text);

        var ticket = await InboundTickets.OfAsync(poster.Admin, user, "app");
        Assert.Equal(("app", "订单 20261111-42 还没发货", "new"), (ticket.GetProperty("channel").GetString(),
            ticket.GetProperty("subject").GetString(), ticket.GetProperty("status").GetString()));
        Assert.Equal("20261111-42", ticket.GetProperty("fields").GetProperty("orderNo").GetString());
        var id = ticket.GetProperty("id").GetGuid();

        (await poster.PostAsync(channel, AppRequests.Text("m-2", user, "请尽快", DateTimeOffset.UtcNow, "conv-1"))).Expect(HttpStatusCode.OK);
        var messages = await InboundTickets.MessagesAsync(poster.Admin, id, count: 2);
        Assert.Equal(["订单 20261111-42 还没发货", "请尽快"], messages);
        var events = (await poster.Admin.GetAsync(TicketRequests.Ticket(id) + "/events")).Expect(HttpStatusCode.OK).Json.EnumerateArray().ToList();
        var created = Data(events[0]).GetProperty("inbound");
        var joined = Data(events.Single(e => e.GetProperty("type").GetString() == "MessageAdded")).GetProperty("inbound");
        Assert.Equal(("new", "thread"), (created.GetProperty("rule").GetString(), joined.GetProperty("rule").GetString()));
        Assert.StartsWith($"inbound/{channel}/", joined.GetProperty("message").GetString());
        Assert.Contains("same conversation", joined.GetProperty("reason").GetString());
        var customer = (await poster.Admin.GetAsync($"/api/v1/customers?channel=app&externalId={user}")).Expect(HttpStatusCode.OK);
        Assert.Equal([id], customer.Json.GetProperty("openTickets").EnumerateArray().Select(t => t.GetGuid()));
        var stored = await cluster.Database.ColumnAsync<string>("SELECT data::text FROM tg_events WHERE stream_id LIKE $1", $"inbound/{channel:D}/%");
        Assert.Equal(4, stored.Count);
        Assert.All(stored, data => Assert.DoesNotContain("还没发货", data, StringComparison.Ordinal));
    });

    [Fact]
    public Task The_same_order_number_joins_across_conversations_and_a_new_order_opens_a_ticket() => cluster.RunAsync(output, async () =>
    {
        var (poster, channel) = await ChannelPoster.CreateAsync(cluster.Http, cluster.FreshTenant(), threading: new { windowHours = 24, joinOn = new[] { "order" } });
        var user = "u-" + Guid.NewGuid().ToString("N")[..8];
        (await poster.PostAsync(channel, AppRequests.Text("o-1", user, "订单 20261111-77 少了一件", DateTimeOffset.UtcNow, "conv-a"))).Expect(HttpStatusCode.OK);
        var first = (await InboundTickets.OfAsync(poster.Admin, user, "app")).GetProperty("id").GetGuid();

        (await poster.PostAsync(channel, AppRequests.Text("o-2", user, "还是 20261111-77 的问题", DateTimeOffset.UtcNow, "conv-b"))).Expect(HttpStatusCode.OK);
        Assert.Equal(2, (await InboundTickets.MessagesAsync(poster.Admin, first, count: 2)).Count);
        (await poster.PostAsync(channel, AppRequests.Text("o-3", user, "另一个订单 20261111-78", DateTimeOffset.UtcNow, "conv-a"))).Expect(HttpStatusCode.OK);

        var customer = (await poster.Admin.GetAsync($"/api/v1/customers?channel=app&externalId={user}")).Expect(HttpStatusCode.OK).Id;
        await Poll.UntilAsync("a second ticket for the second order", Deadline, async () =>
            (await poster.Admin.GetAsync($"{TicketRequests.Tickets}?customerId={customer}")).Json.GetProperty("items").GetArrayLength() == 2);
        var events = (await poster.Admin.GetAsync(TicketRequests.Ticket(first) + "/events")).Expect(HttpStatusCode.OK).Json.EnumerateArray();
        var joined = Data(events.Single(e => e.GetProperty("type").GetString() == "MessageAdded")).GetProperty("inbound");
        Assert.Equal(("order", "20261111-77"), (joined.GetProperty("rule").GetString(), joined.GetProperty("orderNo").GetString()));
        Assert.Equal(2, (await poster.Admin.GetAsync(TicketRequests.Ticket(first))).Json.GetProperty("messages").GetArrayLength());
    });

    [Fact]
    public Task A_retry_storm_stores_each_message_once() => cluster.RunAsync(output, async () =>
    {
        var (poster, channel) = await ChannelPoster.CreateAsync(cluster.Http, cluster.FreshTenant());
        var user = "u-" + Guid.NewGuid().ToString("N")[..8];
        var bodies = Enumerable.Range(1, 3).Select(i => AppRequests.Text($"storm-{i}", user, $"message {i}", DateTimeOffset.UtcNow)).ToList();

        foreach (var body in bodies)
        {
            // Three deliveries of each: two at once, then a late one after both were answered.
            var answers = await Task.WhenAll(poster.PostAsync(channel, body), poster.PostAsync(channel, body));
            Assert.All(answers, a => a.Expect(HttpStatusCode.OK));
            (await poster.PostAsync(channel, body)).Expect(HttpStatusCode.OK);
        }

        Assert.Equal(3, await ChannelPoster.StoredAsync(cluster.Database, channel));
        var ticket = await InboundTickets.OfAsync(poster.Admin, user, "app");
        Assert.Equal(["message 1", "message 2", "message 3"], await InboundTickets.MessagesAsync(poster.Admin, ticket.GetProperty("id").GetGuid(), count: 3));
        await Poll.UntilAsync("every message threaded", Deadline, async () => (await cluster.Database.ColumnAsync<long>(
            "SELECT count(*) FROM tg_events WHERE stream_id LIKE $1 AND version = 2", $"inbound/{channel:D}/%")).Single() == 3);
        Assert.Equal(3, (await poster.Admin.GetAsync(TicketRequests.Ticket(ticket.GetProperty("id").GetGuid()))).Json.GetProperty("messages").GetArrayLength());
    });

    [Fact]
    public Task Bad_signature_stale_timestamp_malformed_and_oversized_bodies_get_a_named_problem_and_store_nothing() => cluster.RunAsync(output, async () =>
    {
        var (poster, channel) = await ChannelPoster.CreateAsync(cluster.Http, cluster.FreshTenant());
        var body = AppRequests.Text("bad-1", "u-bad", "hello", DateTimeOffset.UtcNow);

        var forged = (await poster.PostAsync(channel, body, secret: "guessed")).Expect(HttpStatusCode.Unauthorized);
        var stale = (await poster.PostAsync(channel, body, DateTimeOffset.UtcNow.AddMinutes(-10))).Expect(HttpStatusCode.Forbidden);
        var malformed = (await poster.PostAsync(channel, """{"messageId":"bad-2","userId":"u-bad","kind":"text","text":"x"}""")).Expect(HttpStatusCode.BadRequest);
        var huge = new byte[1024 * 1024 + 1];
        var timestamp = AppRequests.Timestamp(DateTimeOffset.UtcNow);
        var oversized = (await poster.PostRawAsync(channel, huge, timestamp, "00")).Expect(HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal([ChannelPoster.SignatureHeader], forged.ErrorFields);
        Assert.Equal([ChannelPoster.TimestampHeader], stale.ErrorFields);
        Assert.Equal(["sentAt"], malformed.ErrorFields);
        Assert.Equal(["body"], oversized.ErrorFields);
        Assert.All(new[] { forged, stale, malformed, oversized }, p => Assert.Equal("application/problem+json", p.MediaType));
        Assert.Equal(0, await ChannelPoster.StoredAsync(cluster.Database, channel));
    });

    [Fact]
    public Task An_oversized_chunked_body_is_read_to_its_end_so_its_413_leaves_the_connection_open() => cluster.RunAsync(output, async () =>
    {
        var (poster, channel) = await ChannelPoster.CreateAsync(cluster.Http, cluster.FreshTenant());
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/channels/{channel}/inbound") { Content = new ChunkedContent(new byte[1024 * 1024 + 64 * 1024]) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add(ChannelPoster.TimestampHeader, AppRequests.Timestamp(DateTimeOffset.UtcNow));
        request.Headers.Add(ChannelPoster.SignatureHeader, "00");

        using var refused = await cluster.Http.SendAsync(request);

        // Refused unread, the body would end in "Connection: close", and a platform still sending it could meet a reset
        // instead of the 413 and retry a message that can never be accepted.
        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, false), (refused.StatusCode, refused.Headers.ConnectionClose ?? false));
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"body\"", await refused.Content.ReadAsStringAsync());
        (await poster.PostAsync(channel, AppRequests.Text("after-1", "u-after", "hello", DateTimeOffset.UtcNow))).Expect(HttpStatusCode.OK);
        Assert.Equal(1, await ChannelPoster.StoredAsync(cluster.Database, channel));
    });

    [Fact]
    public Task A_body_declared_beyond_what_is_read_before_its_413_is_refused_unread_and_the_answer_closes_the_connection() => cluster.RunAsync(output, async () =>
    {
        var (_, channel) = await ChannelPoster.CreateAsync(cluster.Http, cluster.FreshTenant());
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/channels/{channel}/inbound") { Content = new ByteArrayContent(new byte[4 * InboundLimits.MaxBodyBytes + 1]) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add(ChannelPoster.TimestampHeader, AppRequests.Timestamp(DateTimeOffset.UtcNow));
        request.Headers.Add(ChannelPoster.SignatureHeader, "00");

        using var refused = await HeldBackBody.SendAsync(cluster.Http.BaseAddress!, request);

        // Four times the limit is all that is read before a 413; beyond it the body is left unread, and the answer says
        // the connection closes so the platform does not send its next push into it.
        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, true), (refused.StatusCode, refused.Headers.ConnectionClose ?? false));
        Assert.Contains("\"body\"", await refused.Content.ReadAsStringAsync());
        Assert.Equal(0, await ChannelPoster.StoredAsync(cluster.Database, channel));
    });

    [Fact]
    public Task A_phone_voice_note_opens_a_ticket_with_its_recognised_text_for_the_caller() => cluster.RunAsync(output, async () =>
    {
        var (poster, channel) = await ChannelPoster.CreateAsync(cluster.Http, cluster.FreshTenant(), "phone");
        var caller = "+86138" + Random.Shared.Next(10_000_000, 99_999_999);

        (await poster.PostAsync(channel, AppRequests.VoiceNote("call-1", caller, "我要退货", DateTimeOffset.UtcNow))).Expect(HttpStatusCode.OK);

        var ticket = await InboundTickets.OfAsync(poster.Admin, caller, "phone");
        Assert.Equal(("phone", "我要退货"), (ticket.GetProperty("channel").GetString(), ticket.GetProperty("messages")[0].GetProperty("body").GetString()));
    });

    private static JsonElement Data(JsonElement ticketEvent) => JsonDocument.Parse(ticketEvent.GetProperty("data").GetString()!).RootElement;
}
