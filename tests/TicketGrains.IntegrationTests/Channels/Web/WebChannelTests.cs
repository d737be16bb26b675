using System.Net;
using TicketGrains.Api.Channels.Web;
using TicketGrains.IntegrationTests.Api;
using TicketGrains.IntegrationTests.Infrastructure;
using TicketGrains.Tests.Channels.Web;

namespace TicketGrains.IntegrationTests.Channels.Web;

/// <summary>
/// A visitor's browser requests to a web channel over real HTTP, to the ticket they become (read through the API): one
/// message however often the widget retries it, and nothing stored for a bad token, a stale one, another site, a
/// malformed or an oversized body, each refused with the field named.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class WebChannelTests(ApiClusterFixture cluster, ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public Task A_web_form_becomes_a_ticket_of_its_email_visible_through_the_api() => cluster.RunAsync(output, async () =>
    {
        var web = await WebVisitorClient.CreateAsync(cluster.Http, cluster.FreshTenant());
        var (_, token) = await web.VisitorAsync();
        var email = $"meimei.{Guid.NewGuid():N}@example.com";

        var answer = (await web.PostAsync(WebRequests.Form("form-0000001", "韩梅梅", email.ToUpperInvariant(), "退货申请", "订单 20261111-43 想退货"), token))
            .Expect(HttpStatusCode.OK);

        Assert.Equal("{\"received\":true}", answer.Text);
        Assert.Equal(WebRequests.ShopOrigin, answer.Header("Access-Control-Allow-Origin"));
        var ticket = await InboundTickets.OfAsync(web.Admin, email, "web");
        Assert.Equal(("web", "退货申请", "订单 20261111-43 想退货"), (ticket.GetProperty("channel").GetString(),
            ticket.GetProperty("subject").GetString(), ticket.GetProperty("messages")[0].GetProperty("body").GetString()));
        Assert.Equal("20261111-43", ticket.GetProperty("fields").GetProperty("orderNo").GetString());
    });

    [Fact]
    public Task A_retry_storm_of_one_message_id_stores_one_message() => cluster.RunAsync(output, async () =>
    {
        var web = await WebVisitorClient.CreateAsync(cluster.Http, cluster.FreshTenant());
        var (visitor, token) = await web.VisitorAsync();
        var body = WebRequests.Chat("retry-00000001", "还没收到货");

        var answers = await Task.WhenAll(web.PostAsync(body, token), web.PostAsync(body, token));
        Assert.All(answers, a => a.Expect(HttpStatusCode.OK));
        (await web.PostAsync(body, token)).Expect(HttpStatusCode.OK);

        Assert.Equal(1, await ChannelPoster.StoredAsync(cluster.Database, web.Channel));
        var ticket = await InboundTickets.OfAsync(web.Admin, visitor, "web");
        await Poll.UntilAsync("the message threaded", Deadline, async () => (await cluster.Database.ColumnAsync<long>(
            "SELECT count(*) FROM tg_events WHERE stream_id LIKE $1 AND version = 2", $"inbound/{web.Channel:D}/%")).Single() == 1);
        Assert.Equal(["还没收到货"], await InboundTickets.MessagesAsync(web.Admin, ticket.GetProperty("id").GetGuid(), count: 1));
    });

    [Fact]
    public Task Bad_stale_foreign_malformed_and_oversized_requests_get_a_named_problem_and_store_nothing() => cluster.RunAsync(output, async () =>
    {
        var web = await WebVisitorClient.CreateAsync(cluster.Http, cluster.FreshTenant());
        var (visitor, token) = await web.VisitorAsync();
        var body = WebRequests.Chat("bad-00000001", "hello");

        var forged = (await web.PostAsync(body, WebRequests.Token(visitor, DateTimeOffset.UtcNow.AddHours(1), secret: "guessed"))).Expect(HttpStatusCode.Unauthorized);
        var missing = (await web.PostAsync(body, token: null)).Expect(HttpStatusCode.Unauthorized);
        var stale = (await web.PostAsync(body, WebRequests.Token(visitor, DateTimeOffset.UtcNow.AddMinutes(-1)))).Expect(HttpStatusCode.Forbidden);
        var foreign = (await web.PostAsync(body, token, origin: "https://evil.example")).Expect(HttpStatusCode.Forbidden);
        var malformed = (await web.PostAsync("""{"messageId":"bad-00000002"}""", token)).Expect(HttpStatusCode.BadRequest);
        var oversized = (await web.PostAsync(WebRequests.Chat("bad-00000003", new string('x', WebChannelAdapter.MaxBodyBytes)), token))
            .Expect(HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal([WebRequestChecks.TokenHeader], forged.ErrorFields);
        Assert.Equal([WebRequestChecks.TokenHeader], missing.ErrorFields);
        Assert.Equal([WebRequestChecks.TokenHeader], stale.ErrorFields);
        Assert.Equal([WebRequestChecks.OriginHeader], foreign.ErrorFields);
        Assert.Equal(["message"], malformed.ErrorFields);
        Assert.Equal(["body"], oversized.ErrorFields);
        Assert.All(new[] { forged, missing, stale, foreign, malformed, oversized }, p => Assert.Equal("application/problem+json", p.MediaType));
        Assert.Null(foreign.Header("Access-Control-Allow-Origin"));
        Assert.All(new[] { forged, stale, malformed, oversized }, p => Assert.Equal(WebRequests.ShopOrigin, p.Header("Access-Control-Allow-Origin")));
        Assert.Equal(0, await ChannelPoster.StoredAsync(cluster.Database, web.Channel));
    });

    [Fact]
    public Task A_preflight_is_answered_for_an_allowed_site_only() => cluster.RunAsync(output, async () =>
    {
        var web = await WebVisitorClient.CreateAsync(cluster.Http, cluster.FreshTenant());

        var allowed = (await web.SendAsync(HttpMethod.Options, "messages", null, null, "https://www.shop.example")).Expect(HttpStatusCode.NoContent);
        (await web.SendAsync(HttpMethod.Options, "messages", null, null, "https://evil.example")).Expect(HttpStatusCode.Forbidden);
        (await web.SendAsync(HttpMethod.Post, "visitors", null, null, "https://evil.example")).Expect(HttpStatusCode.Forbidden);

        Assert.Equal(("https://www.shop.example", "GET, POST", "Content-Type, X-Visitor-Token"), (allowed.Header("Access-Control-Allow-Origin"),
            allowed.Header("Access-Control-Allow-Methods"), allowed.Header("Access-Control-Allow-Headers")));
    });

    [Fact]
    public Task The_channels_inbound_address_takes_the_same_request_through_the_same_adapter() => cluster.RunAsync(output, async () =>
    {
        var web = await WebVisitorClient.CreateAsync(cluster.Http, cluster.FreshTenant());
        var (visitor, token) = await web.VisitorAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/channels/{web.Channel}/inbound")
        {
            Content = new StringContent(WebRequests.Chat("inbound-00000001", "从后台转来的留言"), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(WebRequestChecks.OriginHeader, WebRequests.ShopOrigin);
        request.Headers.Add(WebRequestChecks.TokenHeader, token);

        (await new ApiClient(cluster.Http, null, "").SendAsync(request)).Expect(HttpStatusCode.OK);

        var ticket = await InboundTickets.OfAsync(web.Admin, visitor, "web");
        Assert.Equal("从后台转来的留言", ticket.GetProperty("messages")[0].GetProperty("body").GetString());
    });

    [Fact]
    public Task One_address_flooding_a_channel_gets_429_with_retry_after() => cluster.RunAsync(output, async () =>
    {
        var web = await WebVisitorClient.CreateAsync(cluster.Http, cluster.FreshTenant());
        var limit = new WebChannelOptions().RequestsPerAddress;

        for (var i = 0; i < limit; i++)
        {
            (await web.RepliesAsync("no-token")).Expect(HttpStatusCode.Unauthorized);
        }

        var refused = (await web.RepliesAsync("no-token")).Expect(HttpStatusCode.TooManyRequests);
        Assert.InRange(int.Parse(refused.Header("Retry-After")!, System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        (await (await WebVisitorClient.CreateAsync(cluster.Http, web.Admin)).RepliesAsync("no-token")).Expect(HttpStatusCode.Unauthorized);
    });

    [Fact]
    public Task An_expired_token_renews_to_the_same_visitor_and_a_forged_one_to_a_new_visitor() => cluster.RunAsync(output, async () =>
    {
        var web = await WebVisitorClient.CreateAsync(cluster.Http, cluster.FreshTenant());
        var (visitor, _) = await web.VisitorAsync();

        var (renewed, token) = await web.VisitorAsync(WebRequests.Token(visitor, DateTimeOffset.UtcNow.AddDays(-2)));
        var (stranger, _) = await web.VisitorAsync(WebRequests.Token(visitor, DateTimeOffset.UtcNow.AddHours(1), secret: "guessed"));

        Assert.Equal(visitor, renewed);
        Assert.NotEqual(visitor, stranger);
        (await web.PostAsync(WebRequests.Chat("renewed-0001", "hi"), token)).Expect(HttpStatusCode.OK);
    });
}
