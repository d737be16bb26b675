using Microsoft.Extensions.Options;
using TicketGrains.Abstractions;
using TicketGrains.Abstractions.Grains;
using TicketGrains.Grains.ReadModel;

namespace TicketGrains.Grains.Sla;

/// <summary>
/// One per tenant. Tickets hold their SLA deadline and their unacknowledged claim's deadline in grain timers while
/// active; this grain's single durable reminder catches the deadlines of tickets that were deactivated or lost with a silo.
/// </summary>
public sealed class SlaWatchGrain(ITicketReadModel readModel, IOptions<SlaOptions> sla, TimeProvider time) : Grain, ISlaWatchGrain, IRemindable
{
    private const string ReminderName = "sla-sweep";
    internal const int SweepBatch = 500;

    /// <summary>
    /// How many due tickets a sweep wakes at a time. Waking a whole page at once activated hundreds of tickets, and
    /// through their breaches hundreds of customers, together: the connection pool opened dozens of fresh connections
    /// and the silo stalled for every caller for about 1.5 s (seen in the half-load bench once earlier tickets fell due).
    /// </summary>
    internal const int WakeAtOnce = 16;
    private bool _started;

    public async Task EnsureStartedAsync()
    {
        if (!_started)
        {
            var period = sla.Value.SweepPeriod;
            await this.RegisterOrUpdateReminder(ReminderName, period, period);
            _started = true;
        }
    }

    /// <summary>
    /// Checks every ticket due before the next sweep, so a promotion-day wave of deadlines is caught in one sweep, then
    /// returns every unacknowledged claim already due (a claim lasts seconds; its ticket's timer is the precise one).
    /// </summary>
    public async Task<int> SweepAsync()
    {
        var tenant = this.GetPrimaryKeyString();
        var now = time.GetUtcNow();
        var slas = await SlaSweep.RunAsync(readModel, tenant, now + sla.Value.SweepPeriod, SweepBatch, WakeAtOnce,
            id => Ticket(tenant, id).CheckSlaAsync());
        return slas + await SlaSweep.ClaimsAsync(readModel, tenant, now, SweepBatch, WakeAtOnce, id => Ticket(tenant, id).CheckClaimAsync());
    }

    private ITicketGrain Ticket(string tenant, Guid id) => GrainFactory.Reference<ITicketGrain>(GrainKeys.For(tenant, id));

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        _started = true;
        await SweepAsync();
    }
}
