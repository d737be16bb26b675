using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.ReadModel;
using TicketGrains.Grains.Sla;
using Xunit;

namespace TicketGrains.Tests.Grains;

public sealed class SlaSweepTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 11, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Checks_every_due_ticket_once_across_pages_even_when_none_changes()
    {
        // 23 due tickets, 7 sharing one deadline, none of which the check clears: pages must move on by position.
        var due = Enumerable.Range(0, 23).Select(i => new SlaDue(Noon.AddMinutes(i < 7 ? 0 : i), Guid.NewGuid())).ToList();
        var readModel = new DueTickets([.. due, new SlaDue(Noon.AddHours(2), Guid.NewGuid())]);
        var checkedIds = new List<Guid>();

        var total = await SlaSweep.RunAsync(readModel, "shop-1", Noon.AddHours(1), pageSize: 5, atOnce: 2, id =>
        {
            lock (checkedIds)
            {
                checkedIds.Add(id);
            }

            return Task.CompletedTask;
        });

        Assert.Equal(23, total);
        Assert.Equal(due.Select(d => d.TicketId).Order(), checkedIds.Order());
        Assert.Equal(5, readModel.Pages);
    }

    [Fact]
    public async Task Returns_every_due_claim_once_across_pages_and_none_that_still_has_time()
    {
        // None of the checks clears its claim: pages must still move on, by ticket id.
        var due = Enumerable.Range(0, 12).Select(i => new SlaDue(Noon.AddSeconds(-i), Guid.NewGuid())).ToList();
        var readModel = new DueTickets([], [.. due, new SlaDue(Noon.AddSeconds(1), Guid.NewGuid())]);
        var checkedIds = new List<Guid>();

        var total = await SlaSweep.ClaimsAsync(readModel, "shop-1", Noon, pageSize: 5, atOnce: 2, id =>
        {
            lock (checkedIds)
            {
                checkedIds.Add(id);
            }

            return Task.CompletedTask;
        });

        Assert.Equal(12, total);
        Assert.Equal(due.Select(d => d.TicketId).Order(), checkedIds.Order());
        Assert.Equal(3, readModel.Pages);
    }

    [Fact]
    public async Task Wakes_no_more_than_the_wave_size_at_once()
    {
        var readModel = new DueTickets([.. Enumerable.Range(0, 40).Select(i => new SlaDue(Noon.AddSeconds(i), Guid.NewGuid()))]);
        var inFlight = 0;
        var most = 0;
        var sync = new Lock();
        var arrived = 0;
        var waveFull = NewGate();

        // Each check waits until four are in flight together, so a smaller wave would time out and a larger one
        // would show as more than four.
        await SlaSweep.RunAsync(readModel, "shop-1", Noon.AddHours(1), pageSize: 16, atOnce: 4, async _ =>
        {
            InterlockedMax(ref most, Interlocked.Increment(ref inFlight));
            TaskCompletionSource mine;
            lock (sync)
            {
                mine = waveFull;
                if (++arrived == 4)
                {
                    (arrived, waveFull) = (0, NewGate());
                    mine.SetResult();
                }
            }

            await mine.Task.WaitAsync(TimeSpan.FromSeconds(10));
            Interlocked.Decrement(ref inFlight);
        });

        Assert.Equal(4, most);
    }

    private static TaskCompletionSource NewGate() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static void InterlockedMax(ref int target, int value)
    {
        for (var seen = Volatile.Read(ref target); value > seen; seen = Volatile.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, seen) == seen)
            {
                return;
            }
        }
    }

    /// <summary>Deadlines in (due, id) order, paged after a position as the real read model pages them.</summary>
    private sealed class DueTickets(List<SlaDue> all, List<SlaDue>? claims = null) : ITicketReadModel
    {
        public int Pages { get; private set; }

        public Task<IReadOnlyList<SlaDue>> SlaDueAsync(string tenantId, DateTimeOffset until, SlaDue? after, int limit)
        {
            Pages++;
            return Task.FromResult<IReadOnlyList<SlaDue>>(all
                .Where(d => d.Due <= until && (after is not { } a || (d.Due, d.TicketId).CompareTo((a.Due, a.TicketId)) > 0))
                .OrderBy(d => d.Due).ThenBy(d => d.TicketId)
                .Take(limit)
                .ToList());
        }

        public Task<TicketPage> ListAsync(TicketQuery query) => throw new NotSupportedException();

        public Task<IReadOnlyList<QueuedTicket>> WaitingInQueueAsync(string tenantId, string queue, int limit) => throw new NotSupportedException();

        public Task<IReadOnlyList<Guid>> OpenTicketsOfCustomerAsync(string tenantId, Guid customerId) => throw new NotSupportedException();

        public Task<IReadOnlyList<HeldTicket>> HeldByAgentAsync(string tenantId, string agentId) => throw new NotSupportedException();

        public Task<IReadOnlyList<Guid>> ClaimsDueAsync(string tenantId, DateTimeOffset until, Guid after, int limit)
        {
            Pages++;
            return Task.FromResult<IReadOnlyList<Guid>>((claims ?? [])
                .Where(c => c.Due <= until && c.TicketId.CompareTo(after) > 0)
                .Select(c => c.TicketId).Order().Take(limit).ToList());
        }
    }
}
