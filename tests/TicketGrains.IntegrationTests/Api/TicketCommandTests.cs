using System.Net;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Api;

/// <summary>Messages, status changes, assignment, optimistic concurrency and the event history.</summary>
[Collection(ApiCollection.Name)]
public sealed class TicketCommandTests(ApiClusterFixture cluster, ITestOutputHelper output)
{
    [Fact]
    public Task Messages_and_notes_join_the_thread_and_the_event_history() => cluster.RunAsync(output, async () =>
    {
        var api = cluster.Client();
        var id = await CreateAsync(api);

        var reply = (await api.PostAsync($"{TicketRequests.Ticket(id)}/messages", new { author = "alice", body = "We are on it.", @internal = false }))
            .Expect(HttpStatusCode.OK);
        var note = (await api.PostAsync($"{TicketRequests.Ticket(id)}/messages", new { author = "alice", body = "Courier called.", @internal = true }))
            .Expect(HttpStatusCode.OK);

        Assert.Equal(2, reply.Json.GetProperty("version").GetInt32());
        Assert.Equal(3, note.Json.GetProperty("version").GetInt32());
        var thread = note.Json.GetProperty("messages").EnumerateArray()
            .Select(m => (m.GetProperty("author").GetString(), m.GetProperty("body").GetString(), m.GetProperty("internal").GetBoolean())).ToList();
        Assert.Equal(
            [("customer", "Order 20261111-42: the parcel has not moved for three days.", false), ("alice", "We are on it.", false), ("alice", "Courier called.", true)],
            thread);

        var history = (await api.GetAsync($"{TicketRequests.Ticket(id)}/events")).Expect(HttpStatusCode.OK).Json.EnumerateArray().ToList();
        Assert.Equal(["TicketCreated", "MessageAdded", "MessageAdded"], history.Select(e => e.GetProperty("type").GetString()));
        Assert.Equal([1, 2, 3], history.Select(e => e.GetProperty("version").GetInt32()));
    });

    [Fact]
    public Task Valid_status_transitions_are_accepted() => cluster.RunAsync(output, async () =>
    {
        var api = cluster.Client();
        var id = await CreateAsync(api);

        foreach (var status in new[] { "pending", "open", "solved", "closed" })
        {
            var changed = (await api.PostAsync($"{TicketRequests.Ticket(id)}/status", new { status })).Expect(HttpStatusCode.OK);
            Assert.Equal(status, changed.String("status"));
        }

        var history = (await api.GetAsync($"{TicketRequests.Ticket(id)}/events")).Expect(HttpStatusCode.OK).Json.EnumerateArray();
        Assert.Equal(["TicketCreated", "StatusChanged", "StatusChanged", "StatusChanged", "StatusChanged"], history.Select(e => e.GetProperty("type").GetString()));
    });

    [Fact]
    public Task Invalid_status_transition_is_400_naming_status_and_changes_nothing() => cluster.RunAsync(output, async () =>
    {
        var api = cluster.Client();
        var id = await CreateAsync(api);

        var refused = (await api.PostAsync($"{TicketRequests.Ticket(id)}/status", new { status = "closed" })).Expect(HttpStatusCode.BadRequest);
        var unknown = (await api.PostAsync($"{TicketRequests.Ticket(id)}/status", new { status = "archived" })).Expect(HttpStatusCode.BadRequest);

        Assert.Equal(["status"], refused.ErrorFields);
        Assert.Equal(["status"], unknown.ErrorFields);
        var ticket = (await api.GetAsync(TicketRequests.Ticket(id))).Expect(HttpStatusCode.OK);
        Assert.Equal("new", ticket.String("status"));
        Assert.Equal(1, ticket.Json.GetProperty("version").GetInt32());
    });

    [Fact]
    public Task Assigning_opens_a_new_ticket_and_null_unassigns_it() => cluster.RunAsync(output, async () =>
    {
        var api = cluster.Client();
        var id = await CreateAsync(api);

        var assigned = (await api.PostAsync($"{TicketRequests.Ticket(id)}/assignee", new { agentId = "bob" })).Expect(HttpStatusCode.OK);
        Assert.Equal("bob", assigned.String("assignee"));
        Assert.Equal("open", assigned.String("status"));

        var unassigned = (await api.PostAsync($"{TicketRequests.Ticket(id)}/assignee", new { agentId = (string?)null })).Expect(HttpStatusCode.OK);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, unassigned.Json.GetProperty("assignee").ValueKind);
        Assert.Equal(3, unassigned.Json.GetProperty("version").GetInt32());
    });

    [Fact]
    public Task Stale_expected_version_is_409_and_the_right_one_is_accepted() => cluster.RunAsync(output, async () =>
    {
        var api = cluster.Client();
        var id = await CreateAsync(api);

        var stale = (await api.PostAsync($"{TicketRequests.Ticket(id)}/messages", new { author = "alice", body = "Hi", @internal = false, expectedVersion = 5 }))
            .Expect(HttpStatusCode.Conflict);
        Assert.Equal("application/problem+json", stale.MediaType);
        (await api.PostAsync($"{TicketRequests.Ticket(id)}/status", new { status = "open", expectedVersion = 2 })).Expect(HttpStatusCode.Conflict);

        var accepted = (await api.PostAsync($"{TicketRequests.Ticket(id)}/messages", new { author = "alice", body = "Hi", @internal = false, expectedVersion = 1 }))
            .Expect(HttpStatusCode.OK);
        Assert.Equal(2, accepted.Json.GetProperty("version").GetInt32());
    });

    private static async Task<Guid> CreateAsync(ApiClient api) =>
        (await api.PostAsync(TicketRequests.Tickets, TicketRequests.Create("Where is my parcel?", "logistics"))).Expect(HttpStatusCode.Created).Id;
}
