using System.Net;
using TicketGrains.Grains.Encryption;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Encryption;

/// <summary>DELETE /api/v1/customers/{id}/personal-data: crypto-shredding of one customer.</summary>
[Collection(EncryptionCollection.Name)]
public sealed class PersonalDataErasureTests(EncryptionFixture cluster, ITestOutputHelper output)
{
    [Fact]
    public Task Erasure_makes_every_personal_field_unreadable_and_keeps_the_statistics() => cluster.RunAsync(output, async () =>
    {
        var tenant = TicketRequests.NewTenant();
        var api = cluster.Client(tenant);
        var (person, bystander) = (PersonalDataSamples.Fresh(), PersonalDataSamples.Fresh());
        var tickets = new[] { await person.OpenTicketAsync(api), await person.OpenTicketAsync(api, "logistics") };
        (await api.PostAsync($"{TicketRequests.Ticket(tickets[1])}/status", new { status = "solved" })).Expect(HttpStatusCode.OK);
        var other = await bystander.OpenTicketAsync(api);
        var customer = (await api.GetAsync(TicketRequests.Ticket(tickets[0]))).Expect(HttpStatusCode.OK).Json.GetProperty("customerId").GetGuid();
        var statistics = await StatisticsAsync(api);
        var readable = await KeyRecovery.RecoverAsync(cluster.Database.OwnerConnectionString, cluster.KnownMasterKeys, tenant, customer);
        Assert.Contains(readable, v => v.Contains(person.IdCard, StringComparison.Ordinal));

        var erased = (await api.SendAsync(new HttpRequestMessage(HttpMethod.Delete, Path(customer)))).Expect(HttpStatusCode.Accepted).Json;

        Assert.Equal((customer, 1, 2), (erased.GetProperty("customerId").GetGuid(), erased.GetProperty("keysDestroyed").GetInt32(), erased.GetProperty("ticketsReleased").GetInt32()));
        foreach (var id in tickets)
        {
            var ticket = (await api.GetAsync(TicketRequests.Ticket(id))).Expect(HttpStatusCode.OK).Json;
            Assert.Equal(PersonalData.Erased, ticket.GetProperty("subject").GetString());
            Assert.All(ticket.GetProperty("messages").EnumerateArray(), m => Assert.Equal(PersonalData.Erased, m.GetProperty("body").GetString()));
            Assert.All(ticket.GetProperty("fields").EnumerateObject(), f => Assert.Equal(PersonalData.Erased, f.Value.GetString()));
            var history = (await api.GetAsync($"{TicketRequests.Ticket(id)}/events")).Expect(HttpStatusCode.OK).Text;
            Assert.All(person.All, v => Assert.DoesNotContain(v, history, StringComparison.Ordinal));
        }

        var profile = (await api.GetAsync($"/api/v1/customers/{customer}")).Expect(HttpStatusCode.OK).Json;
        Assert.Equal(PersonalData.Erased, profile.GetProperty("name").GetString());
        Assert.Equal([(PersonalData.Erased, PersonalData.Erased)], profile.GetProperty("identities").EnumerateArray()
            .Select(i => (i.GetProperty("channel").GetString(), i.GetProperty("externalId").GetString())));
        Assert.Equal(statistics, await StatisticsAsync(api));
        var listed = (await api.GetAsync(TicketRequests.Tickets)).Expect(HttpStatusCode.OK).Json.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([PersonalData.Erased, PersonalData.Erased], listed.Where(t => t.GetProperty("id").GetGuid() != other).Select(t => t.GetProperty("subject").GetString()));
        Assert.Equal($"Refund to {bystander.Name} at {bystander.Address}", listed.Single(t => t.GetProperty("id").GetGuid() == other).GetProperty("subject").GetString());

        // A stolen database plus every master key opens nothing of the customer: the data key row is zeroed.
        Assert.Empty(await KeyRecovery.RecoverAsync(cluster.Database.OwnerConnectionString, cluster.KnownMasterKeys, tenant, customer));
        Assert.Equal([true], await cluster.Database.ColumnAsync<bool>(
            "SELECT wrapped_key IS NULL AND tenant_key_version IS NULL AND erased_at IS NOT NULL FROM tg_customer_keys WHERE tenant_id = $1 AND customer_id = $2",
            tenant, customer));
        var (_, dump) = await DatabaseDump.ReadAsync(cluster.Database.OwnerConnectionString);
        Assert.All(person.All, v => Assert.DoesNotContain(v, dump, StringComparison.OrdinalIgnoreCase));
    });

    [Fact]
    public Task Erasure_is_idempotent_and_a_returning_customer_starts_afresh() => cluster.RunAsync(output, async () =>
    {
        var tenant = TicketRequests.NewTenant();
        var api = cluster.Client(tenant);
        var person = PersonalDataSamples.Fresh();
        var old = await person.OpenTicketAsync(api);
        var customer = await person.CustomerOfNewTicketAsync(api);
        (await api.SendAsync(new HttpRequestMessage(HttpMethod.Delete, Path(customer)))).Expect(HttpStatusCode.Accepted);

        var again = (await api.SendAsync(new HttpRequestMessage(HttpMethod.Delete, Path(customer)))).Expect(HttpStatusCode.Accepted).Json;
        Assert.Equal((0, 2), (again.GetProperty("keysDestroyed").GetInt32(), again.GetProperty("ticketsReleased").GetInt32()));

        var returning = (await api.PostAsync(TicketRequests.Tickets, person.Ticket())).Expect(HttpStatusCode.Created).Json;
        Assert.Equal(customer, returning.GetProperty("customerId").GetGuid());
        Assert.Equal($"Refund to {person.Name} at {person.Address}", (await api.GetAsync(TicketRequests.Ticket(returning.GetProperty("id").GetGuid())))
            .Expect(HttpStatusCode.OK).Json.GetProperty("subject").GetString());
        Assert.Equal(PersonalData.Erased, (await api.GetAsync(TicketRequests.Ticket(old))).Expect(HttpStatusCode.OK).Json.GetProperty("subject").GetString());
        Assert.Equal([1, 2], await cluster.Database.ColumnAsync<int>(
            "SELECT version FROM tg_customer_keys WHERE tenant_id = $1 AND customer_id = $2 ORDER BY version", tenant, customer));
    });

    [Fact]
    public Task Erasure_needs_pii_erase_and_an_unknown_customer_is_a_404() => cluster.RunAsync(output, async () =>
    {
        var tenant = TicketRequests.NewTenant();
        var customer = await PersonalDataSamples.Fresh().CustomerOfNewTicketAsync(cluster.Client(tenant));
        var supervisor = cluster.Client(tenant, TestTokens.Mint(tenant, "sup-1", roles: ["supervisor"]));
        var refused = (await supervisor.SendAsync(new HttpRequestMessage(HttpMethod.Delete, Path(customer)))).Expect(HttpStatusCode.Forbidden);
        Assert.Contains("pii:erase", refused.Text, StringComparison.Ordinal);
        var eraser = cluster.Client(tenant, TestTokens.Mint(tenant, "dpo-1", permissions: ["pii:erase"]));

        var missing = (await eraser.SendAsync(new HttpRequestMessage(HttpMethod.Delete, Path(Guid.NewGuid())))).Expect(HttpStatusCode.NotFound);

        Assert.Equal("application/problem+json", missing.MediaType);
        Assert.Equal(404, missing.Json.GetProperty("status").GetInt32());
        (await eraser.SendAsync(new HttpRequestMessage(HttpMethod.Delete, Path(customer)))).Expect(HttpStatusCode.Accepted);

        // Only the erasure that happened is in the audit log, with who asked for it.
        var audit = (await cluster.Client(tenant).GetAsync("/api/v1/audit?action=erase")).Expect(HttpStatusCode.OK);
        var entries = audit.Json.GetProperty("items").EnumerateArray()
            .Select(e => (e.GetProperty("actor").GetString(), e.GetProperty("target").GetString())).ToList();
        Assert.Equal([("dpo-1", $"customer:{customer}")], entries);
    });

    [Fact]
    public Task Erasure_empties_the_key_cache_of_every_other_process_at_once() => cluster.RunAsync(output, async () =>
    {
        var tenant = TicketRequests.NewTenant();
        var person = PersonalDataSamples.Fresh();
        await person.OpenTicketAsync(cluster.Client(tenant));
        var customer = await person.CustomerOfNewTicketAsync(cluster.Client(tenant));
        // The front end lists subjects from the read model with its own key cache, kept far longer than the test runs.
        using var http = await cluster.StartFrontEndAsync("--Encryption:KeyCacheTtl=01:00:00");
        var frontEnd = new ApiClient(http, tenant);
        Assert.All(await SubjectsAsync(frontEnd), s => Assert.Equal($"Refund to {person.Name} at {person.Address}", s));

        (await cluster.Client(tenant).SendAsync(new HttpRequestMessage(HttpMethod.Delete, Path(customer)))).Expect(HttpStatusCode.Accepted);

        await Poll.UntilAsync("the front end to forget the erased key", TimeSpan.FromSeconds(5),
            async () => (await SubjectsAsync(frontEnd)).All(s => s == PersonalData.Erased));
    });

    private static async Task<List<string?>> SubjectsAsync(ApiClient api) =>
        [.. (await api.GetAsync(TicketRequests.Tickets)).Expect(HttpStatusCode.OK).Json.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("subject").GetString())];

    private static string Path(Guid customer) => $"/api/v1/customers/{customer}/personal-data";

    /// <summary>What reports are made of: per ticket its id, customer, status, category, priority, queue and times.</summary>
    private static async Task<string> StatisticsAsync(ApiClient api)
    {
        var items = (await api.GetAsync(TicketRequests.Tickets)).Expect(HttpStatusCode.OK).Json.GetProperty("items").EnumerateArray();
        return string.Join('\n', items.Select(t => string.Join('|', new[] { "id", "customerId", "status", "category", "priority", "queue", "createdAt", "updatedAt", "version" }
            .Select(p => t.GetProperty(p).ToString()))));
    }
}
