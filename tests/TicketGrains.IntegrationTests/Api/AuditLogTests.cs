using System.Net;
using System.Text.Json;
using Npgsql;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Api;

/// <summary>The audit log: who did what, every unmasked read, keyset paging, and a chain that shows tampering.</summary>
[Collection(ApiCollection.Name)]
public sealed class AuditLogTests(ApiClusterFixture cluster, ITestOutputHelper output)
{
    [Fact]
    public Task Each_unmasked_read_and_export_of_a_supervisor_is_in_the_audit_log() => cluster.RunAsync(output, async () =>
    {
        var tenant = TicketRequests.NewTenant();
        var agent = cluster.Client(tenant, TestTokens.Mint(tenant, "agent-ann", ["agent"]));
        var supervisor = cluster.Client(tenant, TestTokens.Mint(tenant, "sue", ["supervisor"]));
        var created = (await agent.PostAsync(TicketRequests.Tickets, PersonalDataSample.CreateTicket(TicketRequests.NewCustomer()))).Expect(HttpStatusCode.Created);
        var (id, customer) = (created.Id, created.Json.GetProperty("customerId").GetGuid());

        (await agent.GetAsync(TicketRequests.Ticket(id))).Expect(HttpStatusCode.OK);
        (await supervisor.GetAsync(TicketRequests.Ticket(id))).Expect(HttpStatusCode.OK);
        (await supervisor.GetAsync($"{TicketRequests.Ticket(id)}/events")).Expect(HttpStatusCode.OK);
        (await supervisor.GetAsync($"/api/v1/customers/{customer}")).Expect(HttpStatusCode.OK);
        (await supervisor.GetAsync($"{TicketRequests.Tickets}?customerId={customer}")).Expect(HttpStatusCode.OK);
        var csv = (await supervisor.GetAsync("/api/v1/reports/tickets.csv")).Expect(HttpStatusCode.OK);

        Assert.Contains($"请回电 {PersonalDataSample.Phone}", csv.Text, StringComparison.Ordinal);
        var entries = await ReadAllAsync(Auditor(tenant));
        Assert.Equal(
        [
            ("agent-ann", "create", $"ticket:{id}",
                "status=new; assignee=-; version=1; category=refund; priority=normal; channel=phone"),
            ("sue", "read-unmasked", $"ticket:{id}", ""),
            ("sue", "read-unmasked", $"ticket:{id}", "events"),
            ("sue", "read-unmasked", $"customer:{customer}", ""),
            ("sue", "read-unmasked", "tickets", "1 tickets listed"),
            ("sue", "export", "tickets", "rows=1; personal data shown unmasked"),
        ], entries.Select(e => (e.GetProperty("actor").GetString(), e.GetProperty("action").GetString(), e.GetProperty("target").GetString(),
            e.GetProperty("detail").GetString())));
        Assert.Equal([1L, 2, 3, 4, 5, 6], entries.Select(e => e.GetProperty("sequence").GetInt64()));
        Assert.All(entries, e => Assert.NotEqual("", e.GetProperty("clientAddress").GetString()));
        Assert.Equal(entries[0].GetProperty("hash").GetString(), entries[1].GetProperty("previousHash").GetString());
        await AssertIntactAsync(tenant, 6);
    });

    [Fact]
    public Task Commands_role_and_key_changes_are_audited_with_their_actor() => cluster.RunAsync(output, async () =>
    {
        var tenant = TicketRequests.NewTenant();
        var admin = cluster.Client(tenant);
        var agent = cluster.Client(tenant, TestTokens.Mint(tenant, "agent-ann", ["agent"]));
        var id = (await agent.PostAsync(TicketRequests.Tickets, TicketRequests.Create("Commands"))).Expect(HttpStatusCode.Created).Id;
        (await agent.PostAsync($"{TicketRequests.Ticket(id)}/assignee", new { agentId = "agent-ann" })).Expect(HttpStatusCode.OK);
        (await agent.PostAsync($"{TicketRequests.Ticket(id)}/messages", new { author = "Ann", body = "On it." })).Expect(HttpStatusCode.OK);
        (await agent.PostAsync($"{TicketRequests.Ticket(id)}/status", new { status = "pending" })).Expect(HttpStatusCode.OK);
        (await admin.PutAsync("/api/v1/roles/triage", new { permissions = new[] { "tickets:read" } })).Expect(HttpStatusCode.OK);
        var key = (await admin.PostAsync("/api/v1/api-keys", new { name = "erp", permissions = new[] { "tickets:read" } })).Expect(HttpStatusCode.Created).String("id");
        using var revoke = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/api-keys/{key}");
        (await admin.SendAsync(revoke)).Expect(HttpStatusCode.NoContent);

        var entries = await ReadAllAsync(Auditor(tenant));

        Assert.Equal(
        [
            ("agent-ann", "create", $"ticket:{id}", "status=new; assignee=-; version=1; category=general; priority=normal; channel=web"),
            ("agent-ann", "assign", $"ticket:{id}", "status=open; assignee=agent-ann; version=2"),
            ("agent-ann", "add-message", $"ticket:{id}", "status=open; assignee=agent-ann; version=3"),
            ("agent-ann", "change-status", $"ticket:{id}", "status=pending; assignee=agent-ann; version=4"),
            ("it-admin", "role-change", "role:triage", "permissions=tickets:read"),
            ("it-admin", "api-key-create", $"api-key:{key}", "permissions=tickets:read"),
            ("it-admin", "api-key-revoke", $"api-key:{key}", ""),
        ], entries.Select(e => (e.GetProperty("actor").GetString(), e.GetProperty("action").GetString(), e.GetProperty("target").GetString(),
            e.GetProperty("detail").GetString())));
    });

    [Fact]
    public Task A_keyed_create_is_recorded_once_however_often_it_is_repeated_or_refused() => cluster.RunAsync(output, async () =>
    {
        var tenant = TicketRequests.NewTenant();
        var agent = cluster.Client(tenant, TestTokens.Mint(tenant, "agent-ann", ["agent"]));
        var key = "order-" + Guid.NewGuid().ToString("N");
        var customer = TicketRequests.NewCustomer();
        var request = TicketRequests.Create("Charged twice", "refund", "high", customer);
        var id = (await agent.PostAsync(TicketRequests.Tickets, request, key)).Expect(HttpStatusCode.Created).Id;

        (await agent.PostAsync(TicketRequests.Tickets, request, key)).Expect(HttpStatusCode.Created);
        // The same key with another body: refused, and nothing was created.
        (await agent.PostAsync(TicketRequests.Tickets, TicketRequests.Create("Something else", customer: customer), key)).Expect(HttpStatusCode.Conflict);

        var entries = await ReadAllAsync(Auditor(tenant));
        Assert.Equal(
        [
            ("create", $"ticket:{id}", "status=new; assignee=-; version=1; category=refund; priority=high; channel=web"),
        ], entries.Select(e => (e.GetProperty("action").GetString(), e.GetProperty("target").GetString(), e.GetProperty("detail").GetString())));
        await AssertIntactAsync(tenant, 1);
    });

    [Fact]
    public Task The_log_pages_by_sequence_filters_and_names_bad_parameters() => cluster.RunAsync(output, async () =>
    {
        var tenant = TicketRequests.NewTenant();
        var supervisor = cluster.Client(tenant, TestTokens.Mint(tenant, "sue", ["supervisor"]));
        var id = (await supervisor.PostAsync(TicketRequests.Tickets, TicketRequests.Create("Paged"))).Expect(HttpStatusCode.Created).Id;
        for (var i = 0; i < 4; i++)
        {
            (await supervisor.GetAsync(TicketRequests.Ticket(id))).Expect(HttpStatusCode.OK);
        }

        var auditor = Auditor(tenant);
        var first = (await auditor.GetAsync("/api/v1/audit?limit=2")).Expect(HttpStatusCode.OK);
        var second = (await auditor.GetAsync($"/api/v1/audit?limit=2&cursor={first.String("nextCursor")}")).Expect(HttpStatusCode.OK);
        var reads = (await auditor.GetAsync($"/api/v1/audit?action=read-unmasked&target=ticket:{id}")).Expect(HttpStatusCode.OK);
        var bad = (await auditor.GetAsync("/api/v1/audit?cursor=x&limit=0&action=peek")).Expect(HttpStatusCode.BadRequest);
        var agent = cluster.Client(tenant, TestTokens.Mint(tenant, "agent-ann", ["agent"]));

        Assert.Equal([1L, 2], Sequences(first));
        Assert.Equal([3L, 4], Sequences(second));
        Assert.Equal([2L, 3, 4, 5], Sequences(reads));
        Assert.Equal(JsonValueKind.Null, reads.Json.GetProperty("nextCursor").ValueKind);
        Assert.Equal(["action", "cursor", "limit"], bad.ErrorFields);
        (await agent.GetAsync("/api/v1/audit")).Expect(HttpStatusCode.Forbidden);
        (await agent.GetAsync("/api/v1/audit/verify")).Expect(HttpStatusCode.Forbidden);
    });

    [Fact]
    public Task Ordinary_updates_and_deletes_of_audit_rows_are_refused() => cluster.RunAsync(output, async () =>
    {
        var tenant = await TenantWithEntriesAsync(2);

        var update = await Assert.ThrowsAsync<PostgresException>(() =>
            cluster.Database.ExecuteAsync("UPDATE tg_audit_log SET actor = 'mallory' WHERE tenant_id = $1", tenant));
        var delete = await Assert.ThrowsAsync<PostgresException>(() => cluster.Database.ExecuteAsync("DELETE FROM tg_audit_log WHERE tenant_id = $1", tenant));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, update.SqlState);
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, delete.SqlState);
        await AssertIntactAsync(tenant, 2);
    });

    [Fact]
    public Task Verify_reports_a_row_changed_in_the_database() => cluster.RunAsync(output, async () =>
    {
        var tenant = await TenantWithEntriesAsync(4);

        Assert.Equal(1, await BypassingTriggerAsync($"UPDATE tg_audit_log SET actor = 'someone-else' WHERE tenant_id = '{tenant}' AND seq = 3"));

        var verify = (await Auditor(tenant).GetAsync("/api/v1/audit/verify")).Expect(HttpStatusCode.OK).Json;
        Assert.False(verify.GetProperty("intact").GetBoolean());
        Assert.Equal(2, verify.GetProperty("checked").GetInt64());
        Assert.Equal(3, verify.GetProperty("problem").GetProperty("sequence").GetInt64());
        Assert.Equal("altered", verify.GetProperty("problem").GetProperty("kind").GetString());
    });

    [Fact]
    public Task Verify_reports_a_row_deleted_in_the_database() => cluster.RunAsync(output, async () =>
    {
        var (middle, newest) = (await TenantWithEntriesAsync(4), await TenantWithEntriesAsync(4));

        Assert.Equal(1, await BypassingTriggerAsync($"DELETE FROM tg_audit_log WHERE tenant_id = '{middle}' AND seq = 2"));
        Assert.Equal(1, await BypassingTriggerAsync($"DELETE FROM tg_audit_log WHERE tenant_id = '{newest}' AND seq = 4"));

        var gap = (await Auditor(middle).GetAsync("/api/v1/audit/verify")).Expect(HttpStatusCode.OK).Json;
        var end = (await Auditor(newest).GetAsync("/api/v1/audit/verify")).Expect(HttpStatusCode.OK).Json;
        Assert.Equal((false, 2L, "removed"), Problem(gap));
        Assert.Equal((false, 4L, "removed"), Problem(end));
        Assert.Equal(4, end.GetProperty("headSequence").GetInt64());
    });

    private ApiClient Auditor(string tenant) => cluster.Client(tenant, TestTokens.Mint(tenant, "audrey", ["auditor"]));

    /// <summary>A fresh tenant whose log holds exactly this many entries (ticket reads of a supervisor).</summary>
    private async Task<string> TenantWithEntriesAsync(int count)
    {
        var tenant = TicketRequests.NewTenant();
        var supervisor = cluster.Client(tenant, TestTokens.Mint(tenant, "sue", ["supervisor"]));
        var id = (await supervisor.PostAsync(TicketRequests.Tickets, TicketRequests.Create("Audited"))).Expect(HttpStatusCode.Created).Id;
        for (var i = 1; i < count; i++)
        {
            (await supervisor.GetAsync(TicketRequests.Ticket(id))).Expect(HttpStatusCode.OK);
        }

        await AssertIntactAsync(tenant, count);
        return tenant;
    }

    /// <summary>
    /// Tampering as the table's owner, the only role that can switch the append-only trigger off (a superuser can too):
    /// one implicit transaction, so the trigger is back on for everyone else at commit.
    /// </summary>
    private Task<int> BypassingTriggerAsync(string statement) => cluster.Database.ExecuteAsync(
        $"ALTER TABLE tg_audit_log DISABLE TRIGGER tg_audit_log_append_only; {statement}; ALTER TABLE tg_audit_log ENABLE TRIGGER tg_audit_log_append_only");

    private async Task AssertIntactAsync(string tenant, long count)
    {
        var verify = (await Auditor(tenant).GetAsync("/api/v1/audit/verify")).Expect(HttpStatusCode.OK).Json;
        Assert.Equal((true, count, count), (verify.GetProperty("intact").GetBoolean(), verify.GetProperty("checked").GetInt64(),
            verify.GetProperty("headSequence").GetInt64()));
        Assert.Equal(JsonValueKind.Null, verify.GetProperty("problem").ValueKind);
    }

    private static (bool Intact, long Sequence, string? Kind) Problem(JsonElement verify) => (verify.GetProperty("intact").GetBoolean(),
        verify.GetProperty("problem").GetProperty("sequence").GetInt64(), verify.GetProperty("problem").GetProperty("kind").GetString());

    private static List<long> Sequences(ApiResponse page) =>
        page.Json.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("sequence").GetInt64()).ToList();

    private static async Task<List<JsonElement>> ReadAllAsync(ApiClient auditor)
    {
        var entries = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var page = (await auditor.GetAsync("/api/v1/audit?limit=3" + (cursor is null ? "" : $"&cursor={cursor}"))).Expect(HttpStatusCode.OK);
            entries.AddRange(page.Json.GetProperty("items").EnumerateArray());
            cursor = page.Json.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        return entries;
    }
}
