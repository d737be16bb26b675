using System.Collections.Concurrent;
using System.Net;
using TicketGrains.Grains.Encryption;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Encryption;

/// <summary>Rotating a tenant key or the master key re-wraps keys in place; every ticket stays readable, also after a restart.</summary>
[Collection(EncryptionCollection.Name)]
public sealed class KeyRotationTests(EncryptionFixture cluster, ITestOutputHelper output)
{
    [Fact]
    public Task Rotating_the_tenant_key_and_then_the_master_key_keeps_every_ticket_readable() => cluster.RunAsync(output, async () =>
    {
        var tenant = TicketRequests.NewTenant();
        var person = PersonalDataSamples.Fresh();
        var ticket = await person.OpenTicketAsync(cluster.Client(tenant));
        var customer = await person.CustomerOfNewTicketAsync(cluster.Client(tenant));
        await PersonalDataSamples.Fresh().CustomerOfNewTicketAsync(cluster.Client(tenant));
        var subject = $"Refund to {person.Name} at {person.Address}";

        var rotated = (await cluster.Client(tenant).PostAsync("/api/v1/encryption/tenant-key/rotate")).Expect(HttpStatusCode.OK).Json;

        Assert.Equal((tenant, 2, 2), (rotated.GetProperty("tenant").GetString(), rotated.GetProperty("version").GetInt32(), rotated.GetProperty("rewrappedDataKeys").GetInt32()));
        Assert.Equal([2], await cluster.Database.ColumnAsync<int>("SELECT version FROM tg_tenant_keys WHERE tenant_id = $1", tenant));
        Assert.Equal([2, 2], await cluster.Database.ColumnAsync<int>("SELECT tenant_key_version FROM tg_customer_keys WHERE tenant_id = $1", tenant));

        // A new master key is rolled in with the old one still accepted, then everything is re-wrapped under it.
        var (oldMaster, newMaster) = (cluster.KnownMasterKeys[0], TestEncryption.NewMasterKey());
        cluster.KnownMasterKeys.Insert(0, newMaster);
        await cluster.RestartAsync([$"--Encryption:MasterKey={newMaster}", $"--Encryption:PreviousMasterKeys:0={oldMaster}"]);
        Assert.Equal(subject, await SubjectAsync(tenant, ticket));
        (await cluster.Client(tenant).PostAsync("/api/v1/encryption/master-key/rotate")).Expect(HttpStatusCode.Forbidden);
        var rewrapped = (await cluster.Client("default").PostAsync("/api/v1/encryption/master-key/rotate")).Expect(HttpStatusCode.OK).Json;
        var newId = MasterKeys.IdOf(Convert.FromBase64String(newMaster));
        Assert.Equal(newId, rewrapped.GetProperty("masterKeyId").GetString());
        Assert.True(rewrapped.GetProperty("rewrappedKeys").GetInt32() >= 2, rewrapped.ToString());
        Assert.Empty(await cluster.Database.ColumnAsync<string>(
            "SELECT tenant_id FROM tg_tenant_keys WHERE master_key_id <> $1 UNION ALL SELECT tenant_id FROM tg_lookup_keys WHERE master_key_id <> $1", newId));

        // The old master key is gone from the configuration: data, lookups and new customers all still work.
        await cluster.RestartAsync([$"--Encryption:MasterKey={newMaster}"]);
        Assert.Equal(subject, await SubjectAsync(tenant, ticket));
        Assert.Equal(customer, await person.CustomerOfNewTicketAsync(cluster.Client(tenant)));
        var fresh = PersonalDataSamples.Fresh();
        var freshTicket = (await cluster.Client(tenant).PostAsync(TicketRequests.Tickets, fresh.Ticket())).Expect(HttpStatusCode.Created).Id;
        Assert.Equal($"Refund to {fresh.Name} at {fresh.Address}", await SubjectAsync(tenant, freshTicket));
    });

    [Fact]
    public Task Tickets_of_new_customers_created_during_tenant_key_rotations_all_stay_readable() => cluster.RunAsync(output, async () =>
    {
        var tenant = TicketRequests.NewTenant();
        var created = new ConcurrentQueue<(Guid Ticket, string Subject)>();
        var failures = new ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource();
        var load = Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested && failures.IsEmpty)
            {
                var person = PersonalDataSamples.Fresh();
                var response = await cluster.Client(tenant).PostAsync(TicketRequests.Tickets, person.Ticket());
                if (response.Status == HttpStatusCode.Created)
                {
                    created.Enqueue((response.Id, $"Refund to {person.Name} at {person.Address}"));
                }
                else
                {
                    failures.Enqueue($"{(int)response.Status} {response.Text}");
                }
            }
        })));

        // Each rotation starts once more customers (each with a new data key) arrived since the last one.
        for (var rotation = 1; rotation <= 3; rotation++)
        {
            await Poll.UntilAsync($"{rotation * 25} tickets", TimeSpan.FromSeconds(60), () => Task.FromResult(created.Count >= rotation * 25 || !failures.IsEmpty));
            var rotated = (await cluster.Client(tenant).PostAsync("/api/v1/encryption/tenant-key/rotate")).Expect(HttpStatusCode.OK).Json;
            Assert.Equal(rotation + 1, rotated.GetProperty("version").GetInt32());
        }

        await Poll.UntilAsync("25 tickets after the last rotation", TimeSpan.FromSeconds(60), () => Task.FromResult(created.Count >= 100 || !failures.IsEmpty));
        await stop.CancelAsync();
        await load;

        Assert.Empty(failures);
        Assert.Equal([4], await cluster.Database.ColumnAsync<int>("SELECT version FROM tg_tenant_keys WHERE tenant_id = $1", tenant));
        Assert.Equal([4], await cluster.Database.ColumnAsync<int>("SELECT DISTINCT tenant_key_version FROM tg_customer_keys WHERE tenant_id = $1", tenant));
        await cluster.RestartAsync();
        foreach (var (ticket, subject) in created)
        {
            Assert.Equal(subject, await SubjectAsync(tenant, ticket));
        }

        output.WriteLine($"{created.Count} tickets of new customers created during 3 rotations, all readable after a restart");
    });

    private async Task<string?> SubjectAsync(string tenant, Guid ticket) =>
        (await cluster.Client(tenant).GetAsync(TicketRequests.Ticket(ticket))).Expect(HttpStatusCode.OK).Json.GetProperty("subject").GetString();
}
