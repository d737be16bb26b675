using System.Collections.Concurrent;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Abstractions.Grains;
using TicketGrains.Grains.EventLog;
using Xunit;

namespace TicketGrains.Tests.Cluster;

/// <summary>The agent grain names each ticket to the pull's witness before claiming it, so the front end can write the pull's audit entry alongside the claim.</summary>
[Collection(ClusterCollection.Name)]
public sealed class PullWitnessTests(ClusterFixture fixture)
{
    [Fact]
    public async Task The_handed_ticket_is_named_to_the_witness_of_that_pull()
    {
        var tenant = Tenants.New();
        var created = await fixture.Client.OpenAsync(tenant, Commands.Create());
        await fixture.Client.HoldsAsync(tenant, "general", 1);
        var witness = new RecordingWitness();
        var pullId = Guid.NewGuid();

        var pulled = await fixture.Client.Agent(tenant, "ann")
            .NextWitnessedAsync(TimeSpan.Zero, new PullWitnessing(fixture.Client.CreateObjectReference<IPullWitness>(witness), pullId));

        Assert.Equal((created.Id, "ann"), (pulled!.Id, pulled.Assignee));
        await Eventually.HoldsAsync(() => Task.FromResult(!witness.Notes.IsEmpty), "the witness heard of the claim");
        Assert.Equal([(pullId, created.Id)], witness.Notes);
    }

    [Fact]
    public async Task A_ticket_whose_claim_then_fails_was_named_too()
    {
        var tenant = Tenants.New();
        var broken = Guid.NewGuid();
        // A ticket whose history cannot be read: claiming it fails.
        await fixture.EventLog.AppendAsync(new AppendRequest(tenant, StreamIds.Ticket(broken), 1, "NoSuchEvent", "{}", null));
        await fixture.Client.Queue(tenant, "general").EnqueueAsync(new QueuedTicket(broken, 3, fixture.Time.GetUtcNow()));
        // The enqueue is one-way: the pull below could otherwise reach the queue before it.
        await fixture.Client.HoldsAsync(tenant, "general", 1);
        var witness = new RecordingWitness();
        var pullId = Guid.NewGuid();

        await Assert.ThrowsAnyAsync<Exception>(() => fixture.Client.Agent(tenant, "ann")
            .NextWitnessedAsync(TimeSpan.Zero, new PullWitnessing(fixture.Client.CreateObjectReference<IPullWitness>(witness), pullId)));

        await Eventually.HoldsAsync(() => Task.FromResult(!witness.Notes.IsEmpty), "the witness heard of the claim");
        Assert.Equal([(pullId, broken)], witness.Notes);
    }

    private sealed class RecordingWitness : IPullWitness
    {
        public ConcurrentQueue<(Guid PullId, Guid TicketId)> Notes { get; } = new();

        public Task ClaimingAsync(Guid pullId, Guid ticketId)
        {
            Notes.Enqueue((pullId, ticketId));
            return Task.CompletedTask;
        }
    }
}
