using System.Collections.Concurrent;
using System.Net;
using TicketGrains.Grains.EventLog;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Failover;

/// <summary>What every test that disturbs a cluster under load checks afterwards: no acknowledged create lost or doubled.</summary>
public static class AcknowledgedTickets
{
    /// <summary>Each acknowledged create is exactly one TicketCreated event in the log, with the subject that was sent, and no subject twice.</summary>
    public static async Task AssertEachStoredOnceAsync(TestDatabase database, string tenant, IReadOnlyList<CreateLoad.Ack> acks, ITestOutputHelper output)
    {
        var created = await database.PairsAsync<string, long>(
            "SELECT stream_id, count(*) FROM tg_events WHERE tenant_id = $1 AND event_type = 'TicketCreated' GROUP BY stream_id", tenant);
        // Subjects are stored sealed with the customer's key (a fresh nonce each): opened here to compare them.
        var keys = await StoredDataKeys.LoadAsync(database.OwnerConnectionString, [TestEncryption.MasterKey], tenant);
        var stored = await database.ColumnAsync<string[]>(
            "SELECT ARRAY[stream_id, data->>'customerId', data->>'subject'] FROM tg_events WHERE tenant_id = $1 AND event_type = 'TicketCreated'", tenant);
        var subjects = stored.ToDictionary(r => r[0], r => keys.Open(Guid.Parse(r[1]), r[2]));
        var repeated = subjects.Values.GroupBy(s => s).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        output.WriteLine($"TicketCreated rows in the log: {created.Values.Sum()} for {acks.Count} acknowledged creates");

        Assert.Empty(repeated);
        Assert.All(acks, a => Assert.Equal(1, created.GetValueOrDefault(StreamIds.Ticket(a.Id))));
        Assert.All(acks, a => Assert.Equal(a.Subject, subjects[StreamIds.Ticket(a.Id)]));
    }

    /// <summary>Each acknowledged ticket reads back through the API with its subject.</summary>
    public static async Task AssertAllReadableAsync(ApiClient api, IReadOnlyList<CreateLoad.Ack> acks, int parallelism)
    {
        var subjects = new ConcurrentDictionary<Guid, string?>();
        await Parallel.ForEachAsync(acks, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (ack, _) =>
            subjects[ack.Id] = (await api.GetAsync(TicketRequests.Ticket(ack.Id))).Expect(HttpStatusCode.OK).String("subject"));

        Assert.All(acks, a => Assert.Equal(a.Subject, subjects[a.Id]));
    }
}
