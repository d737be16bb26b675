using Microsoft.Extensions.Options;
using TicketGrains.Abstractions;
using TicketGrains.Abstractions.Grains;
using TicketGrains.Grains.Domain;
using TicketGrains.Grains.Persistence;

namespace TicketGrains.Grains.Grains;

/// <summary>
/// One per tenant. Tickets hold their SLA deadline in a grain timer while active; this grain's single
/// durable reminder catches the deadlines of tickets that were deactivated or lost with a silo.
/// </summary>
public sealed class SlaWatchGrain(ITicketReadModel readModel, IOptions<SlaOptions> sla, TimeProvider time) : Grain, ISlaWatchGrain, IRemindable
{
    private const string ReminderName = "sla-sweep";
    private const int SweepBatch = 500;
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

    public async Task<int> SweepAsync()
    {
        var tenant = this.GetPrimaryKeyString();
        var due = await readModel.SlaDueAsync(tenant, time.GetUtcNow() + sla.Value.SweepPeriod, SweepBatch);
        await Task.WhenAll(due.Select(id => GrainFactory.Reference<ITicketGrain>(GrainKeys.For(tenant, id)).CheckSlaAsync()));
        return due.Count;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        _started = true;
        await SweepAsync();
    }
}
