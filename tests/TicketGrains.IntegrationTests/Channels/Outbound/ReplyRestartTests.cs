using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using TicketGrains.IntegrationTests.Infrastructure;
using TicketGrains.Tests.Channels;
using TicketGrains.Tests.Channels.WeChat;

namespace TicketGrains.IntegrationTests.Channels.Outbound;

/// <summary>
/// Replies queued while the platform is down when the only silo is killed (kill -9) are sent once each, in order, by the
/// silo that takes over.
/// </summary>
public sealed class ReplyRestartTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly string[] Settings =
        [.. ReplyClusterFixture.ReplySettings.Where(s => !s.StartsWith("--ChannelReplies:RetryDelays", StringComparison.Ordinal)),
            "--ChannelReplies:RetryDelays:0=00:00:01", "--ChannelReplies:Lease=00:00:05", "--ChannelReplies:Attempts=50"];

    private const string UpToken = "TOKEN-UP";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);
    private static readonly string[] Texts = ["第一条回复", "第二条回复", "第三条回复"];

    private readonly ProcessGroup _processes = new();
    private TestDatabase? _database;

    private TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialized.");

    [Fact]
    public Task Replies_queued_across_a_killed_silo_are_each_sent_exactly_once() => _processes.DiagnoseAsync(output, async () =>
    {
        var clusterId = NodeLauncher.NewClusterId();
        var tenant = TicketRequests.NewTenant();
        var up = false;
        var delivered = new ConcurrentQueue<string>();
        // The platform is "up" only for the token it issues once up: a token lives in its silo's memory, so only the new
        // silo can hold it. Deciding by the time a request arrives instead raced the kill: a send of the first silo already
        // on its way could arrive after the switch, be delivered, and never be recorded, so the new silo sent it again.
        await using var platform = await PlatformApiServer.StartAsync(request => request.Path switch
        {
            "/cgi-bin/token" => PlatformReply.Json(Volatile.Read(ref up)
                ? $$"""{"access_token":"{{UpToken}}","expires_in":7200}"""
                : """{"access_token":"TOKEN-DOWN","expires_in":7200}"""),
            _ when request.Query.GetValueOrDefault("access_token") != UpToken => new PlatformReply(503, "down"),
            _ => Delivered(request, delivered),
        });
        var first = _processes.Add(NodeLauncher.StartSilo("silo-1", Database, clusterId, hostApi: true, Settings));
        await Readiness.WaitForApiAsync(first, Readiness.Deadline);
        Guid ticket;
        using (var http = new HttpClient { BaseAddress = first.BaseAddress, Timeout = TimeSpan.FromSeconds(60) })
        {
            var agent = new ApiClient(http, tenant);
            var inbound = await RawInbound.CreateAsync(http, agent, "wechat",
                new Dictionary<string, string>(WeChatRequests.PlainSettings) { ["apiBaseUrl"] = platform.BaseUrl });
            (await inbound.SendAsync(WeChatRequests.Plain(WeChatPushes.Text, DateTimeOffset.UtcNow))).Expect(HttpStatusCode.OK);
            ticket = (await inbound.TicketOfAsync("wechat", WeChatPushes.Follower)).GetProperty("id").GetGuid();
            foreach (var text in Texts)
            {
                await AgentReplies.ReplyAsync(agent, ticket, text);
            }
        }

        // The first reply is refused; the others wait behind it (a ticket's replies go out in order).
        await Poll.UntilAsync("the first reply attempted and refused", Deadline, async () => (await Database.ColumnAsync<long>(
            "SELECT count(*) FROM tg_outbound_messages WHERE tenant_id = $1 AND state = 'queued' AND attempts >= 1", tenant))[0] == 1);
        first.Process.Kill();
        Volatile.Write(ref up, true);
        var second = _processes.Add(NodeLauncher.StartSilo("silo-2", Database, clusterId, hostApi: true, Settings));
        await Readiness.WaitForApiAsync(second, Deadline);

        await Poll.UntilAsync("three replies sent", Deadline, async () => (await Database.ColumnAsync<long>(
            "SELECT count(*) FROM tg_outbound_messages WHERE tenant_id = $1 AND state = 'sent'", tenant))[0] == 3);
        Assert.Equal(Texts, delivered);
        using var check = new HttpClient { BaseAddress = second.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        var read = (await new ApiClient(check, tenant).GetAsync(TicketRequests.Ticket(ticket))).Expect(HttpStatusCode.OK).Json;
        Assert.Equal(["sent", "sent", "sent"], read.GetProperty("messages").EnumerateArray().Skip(1)
            .Select(m => m.GetProperty("delivery").GetProperty("state").GetString()));
    });

    private static PlatformReply Delivered(RecordedRequest request, ConcurrentQueue<string> delivered)
    {
        using var body = JsonDocument.Parse(request.Body);
        delivered.Enqueue(body.RootElement.GetProperty("text").GetProperty("content").GetString()!);
        return PlatformReply.Json("""{"errcode":0,"errmsg":"ok"}""");
    }

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        _processes.Dispose();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
