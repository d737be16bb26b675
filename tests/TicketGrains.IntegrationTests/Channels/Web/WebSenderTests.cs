using System.Net;
using TicketGrains.Api.Channels.Outbound;
using TicketGrains.IntegrationTests.Api;
using TicketGrains.IntegrationTests.Infrastructure;
using TicketGrains.Tests.Channels.Web;

namespace TicketGrains.IntegrationTests.Channels.Web;

/// <summary>
/// The web channel's sender, called as the outbound side calls it, on the silo's database: the reply is kept once,
/// sealed, and read back through the visitor's token by that visitor only.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class WebSenderTests(ApiClusterFixture cluster, ITestOutputHelper output)
{
    [Fact]
    public Task A_reply_is_kept_once_sealed_and_shown_to_its_visitor_only() => cluster.RunAsync(output, async () =>
    {
        var web = await WebVisitorClient.CreateAsync(cluster.Http, cluster.FreshTenant());
        var (visitor, token) = await web.VisitorAsync();
        var (_, otherToken) = await web.VisitorAsync();
        (await web.PostAsync(WebRequests.Chat("ask-00000001", "发票怎么开？"), token)).Expect(HttpStatusCode.OK);
        var ticket = (await InboundTickets.OfAsync(web.Admin, visitor, "web")).GetProperty("id").GetGuid();
        using var services = new WebSenderServices(cluster.Database);
        var channel = WebSenderServices.Channel(web.Admin.Tenant!, web.Channel);
        var reply = new OutboundMessage(Guid.CreateVersion7(), ticket, visitor, "您好，订单页面可以申请电子发票。", null, $"{visitor}:ask-00000001");

        Assert.Equal(SendOutcome.Delivered($"web:{reply.MessageId:D}"), await services.Sender.SendAsync(channel, reply, CancellationToken.None));
        Assert.Equal(SendOutcome.Delivered($"web:{reply.MessageId:D}"), await services.Sender.SendAsync(channel, reply, CancellationToken.None));

        var bodies = await cluster.Database.ColumnAsync<string>("SELECT body FROM tg_web_conversation WHERE channel_id = $1", web.Channel);
        Assert.DoesNotContain("电子发票", Assert.Single(bodies), StringComparison.Ordinal);
        var seen = (await web.RepliesAsync(token)).Expect(HttpStatusCode.OK).Json.GetProperty("replies");
        Assert.Equal([(reply.MessageId, "您好，订单页面可以申请电子发票。")],
            seen.EnumerateArray().Select(r => (r.GetProperty("messageId").GetGuid(), r.GetProperty("text").GetString())));
        Assert.Equal(0, (await web.RepliesAsync(otherToken)).Expect(HttpStatusCode.OK).Json.GetProperty("replies").GetArrayLength());
    });

    [Fact]
    public Task Erasing_the_customer_erases_the_replies_kept_for_the_visitor() => cluster.RunAsync(output, async () =>
    {
        var web = await WebVisitorClient.CreateAsync(cluster.Http, cluster.FreshTenant());
        var (visitor, token) = await web.VisitorAsync();
        (await web.PostAsync(WebRequests.Chat("ask-00000002", "我的地址是上海市浦东新区"), token)).Expect(HttpStatusCode.OK);
        var ticket = await InboundTickets.OfAsync(web.Admin, visitor, "web");
        using var services = new WebSenderServices(cluster.Database);
        var reply = new OutboundMessage(Guid.CreateVersion7(), ticket.GetProperty("id").GetGuid(), visitor, "已改为浦东新区的地址。", null, $"{visitor}:ask-00000002");
        Assert.True((await services.Sender.SendAsync(WebSenderServices.Channel(web.Admin.Tenant!, web.Channel), reply, CancellationToken.None)).Sent);

        var customer = ticket.GetProperty("customerId").GetGuid();
        (await web.Admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/customers/{customer}/personal-data"))).Expect(HttpStatusCode.Accepted);

        await Poll.UntilAsync("the reply erased", TimeSpan.FromSeconds(30), async () =>
            (await web.RepliesAsync(token)).Expect(HttpStatusCode.OK).Json.GetProperty("replies")[0].GetProperty("text").GetString() == "[erased]");
    });

    [Fact]
    public Task A_reply_without_a_visitor_or_ticket_fails_for_good() => cluster.RunAsync(output, async () =>
    {
        using var services = new WebSenderServices(cluster.Database);
        var channel = WebSenderServices.Channel("default", Guid.NewGuid());

        var noVisitor = await services.Sender.SendAsync(channel, new(Guid.NewGuid(), Guid.NewGuid(), "li@example.com", "hi", null, null), CancellationToken.None);
        var noTicket = await services.Sender.SendAsync(channel, new(Guid.NewGuid(), Guid.NewGuid(), WebRequests.Visitor, "hi", null, null), CancellationToken.None);

        Assert.Equal((false, false), (noVisitor.Sent, noVisitor.Retryable));
        Assert.Equal((false, false), (noTicket.Sent, noTicket.Retryable));
        Assert.Contains("does not exist", noTicket.FailureReason, StringComparison.Ordinal);
    });
}
