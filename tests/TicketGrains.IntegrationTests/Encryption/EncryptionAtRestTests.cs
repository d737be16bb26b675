using System.Net;
using System.Text.Json;
using TicketGrains.Grains.EventLog;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Encryption;

/// <summary>Personal data is stored sealed everywhere in PostgreSQL, yet callers read it as they wrote it.</summary>
[Collection(EncryptionCollection.Name)]
public sealed class EncryptionAtRestTests(EncryptionFixture cluster, ITestOutputHelper output)
{
    [Fact]
    public Task No_personal_value_is_stored_in_clear_in_any_table() => cluster.RunAsync(output, async () =>
    {
        var tenant = TicketRequests.NewTenant();
        var api = cluster.Client(tenant);
        var person = PersonalDataSamples.Fresh();
        var first = await person.OpenTicketAsync(api);
        var second = await person.OpenTicketAsync(api, "logistics");
        (await api.PutAsync("/api/v1/agents/agent-1/queues", new { queues = new[] { "refund" } })).Expect(HttpStatusCode.OK);
        await Poll.UntilAsync("the tenant's SLA reminder", TimeSpan.FromSeconds(10),
            () => OrleansTables.HasReminderAsync(cluster.Database, "sla-sweep", "/" + tenant));

        var (tables, dump) = await DatabaseDump.ReadAsync(cluster.Database.OwnerConnectionString);

        output.WriteLine($"{tables.Count} tables, {dump.Length} characters: {string.Join(", ", tables)}");
        foreach (var table in new[] { "tg_events", "tg_snapshots", "tg_tickets", "tg_customer_keys", "orleansstorage", "orleansreminderstable" })
        {
            Assert.Contains($"public.{table}", tables);
        }

        Assert.Equal(2, (await cluster.Database.ColumnAsync<string>(
            "SELECT stream_id FROM tg_snapshots WHERE tenant_id = $1 AND stream_id = ANY($2)", tenant, new[] { StreamIds.Ticket(first), StreamIds.Ticket(second) })).Count);
        Assert.Contains(first.ToString(), dump, StringComparison.Ordinal);
        foreach (var value in person.All)
        {
            Assert.DoesNotContain(value, dump, StringComparison.OrdinalIgnoreCase);
        }

        // Callers see exactly what they wrote.
        var ticket = (await api.GetAsync(TicketRequests.Ticket(first))).Expect(HttpStatusCode.OK).Json;
        Assert.Equal($"Refund to {person.Name} at {person.Address}", ticket.GetProperty("subject").GetString());
        Assert.Equal([person.Address, person.IdCard, person.Card],
            new[] { "address", "idCard", "payment" }.Select(f => ticket.GetProperty("fields").GetProperty(f).GetString()));
        Assert.Equal([$"ID card {person.IdCard}; please refund card {person.Card}.", $"Called {person.Phone}, mailed {person.Email}.", $"Card {person.Card}, ID {person.IdCard}"],
            ticket.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("body").GetString()));
        var listed = (await api.GetAsync($"{TicketRequests.Tickets}?category=refund")).Expect(HttpStatusCode.OK).Json.GetProperty("items").EnumerateArray().Single();
        Assert.Equal(ticket.GetProperty("subject").GetString(), listed.GetProperty("subject").GetString());
        var history = (await api.GetAsync($"{TicketRequests.Ticket(first)}/events")).Expect(HttpStatusCode.OK).Json.EnumerateArray().ToList();
        var created = JsonDocument.Parse(history[0].GetProperty("data").GetString()!).RootElement;
        Assert.Equal(person.IdCard, created.GetProperty("fields").GetProperty("idCard").GetString());
        var customer = (await api.GetAsync($"/api/v1/customers/{ticket.GetProperty("customerId").GetGuid()}")).Expect(HttpStatusCode.OK).Json;
        Assert.Equal(person.Name, customer.GetProperty("name").GetString());
        Assert.Equal([("phone", person.Phone)], customer.GetProperty("identities").EnumerateArray()
            .Select(i => (i.GetProperty("channel").GetString(), i.GetProperty("externalId").GetString())));
    });

    [Fact]
    public Task The_same_phone_number_finds_the_same_customer_through_its_keyed_hash_also_after_a_restart() => cluster.RunAsync(output, async () =>
    {
        var tenant = TicketRequests.NewTenant();
        var person = PersonalDataSamples.Fresh();
        var customer = await CustomerOfAsync(cluster.Client(tenant), person);
        Assert.Equal(customer, await CustomerOfAsync(cluster.Client(tenant), person));
        Assert.NotEqual(customer, await CustomerOfAsync(cluster.Client(tenant), PersonalDataSamples.Fresh()));

        var identityStreams = await cluster.Database.ColumnAsync<string>(
            "SELECT stream_id FROM tg_events WHERE tenant_id = $1 AND stream_id LIKE 'identity/%'", tenant);
        Assert.Equal(2, identityStreams.Count);
        Assert.All(identityStreams, s => Assert.Matches("^identity/[0-9a-f]{64}$", s));
        // The same phone number in another tenant hashes to another name: a tenant's hashes say nothing about another's customers.
        await CustomerOfAsync(cluster.Client(TicketRequests.NewTenant()), person);
        Assert.Empty(await cluster.Database.ColumnAsync<string>(
            "SELECT stream_id FROM tg_events WHERE tenant_id <> $1 AND stream_id = ANY($2)", tenant, identityStreams.ToArray()));

        await cluster.RestartAsync();
        Assert.Equal(customer, await CustomerOfAsync(cluster.Client(tenant), person));
    });

    private static Task<Guid> CustomerOfAsync(ApiClient api, PersonalDataSamples person) => person.CustomerOfNewTicketAsync(api);
}
