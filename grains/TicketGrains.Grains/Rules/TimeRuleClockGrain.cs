using TicketGrains.Abstractions;
using TicketGrains.Abstractions.Grains;
using TicketGrains.Grains.Tickets;

namespace TicketGrains.Grains.Rules;

/// <summary>
/// Runs a tenant's time rules when they fall due. The due times live in tg_time_rule_due; this grain holds only the next
/// one in a grain timer, so each rule fires within the timer's precision of its due time, and reads the store again at
/// least every <see cref="MaxSleep"/>. Its reminder (once a minute, the reminder service's finest period) reactivates it
/// after a silo loss; rows due meanwhile run at once.
/// </summary>
public sealed class TimeRuleClockGrain(TimeRuleDueStore store, TimeProvider time) : Grain, ITimeRuleClockGrain, IRemindable
{
    private static readonly TimeSpan MaxSleep = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);
    private const int Batch = 200;
    private DeadlineTimer _timer = null!;
    private DateTimeOffset? _wake;

    private string Tenant => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _timer = new DeadlineTimer(this, time, RunDueAsync);
        await this.RegisterOrUpdateReminder("time-rules", MaxSleep, MaxSleep);
        Arm(time.GetUtcNow());
    }

    public Task WatchAsync(DateTimeOffset due)
    {
        if (_wake is not { } wake || due < wake)
        {
            Arm(due);
        }

        return Task.CompletedTask;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;

    private void Arm(DateTimeOffset at)
    {
        _wake = at;
        _timer.Arm(at);
    }

    private async Task RunDueAsync()
    {
        try
        {
            await RunDueOnceAsync();
        }
        catch
        {
            // The store or a ticket was unavailable: what is due stays in the store; look again shortly.
            Arm(time.GetUtcNow() + RetryAfter);
            throw;
        }
    }

    private async Task RunDueOnceAsync()
    {
        var rules = (await GrainFactory.Reference<ITenantRulesGrain>(Tenant).TimeRulesAsync()).ToDictionary(r => r.Id, StringComparer.Ordinal);
        List<TimeRuleDue> due;
        do
        {
            due = await store.DueAsync(Tenant, time.GetUtcNow(), Batch);
            foreach (var ticketDues in due.GroupBy(d => d.TicketId))
            {
                var ticket = GrainFactory.Reference<ITicketGrain>(GrainKeys.For(Tenant, ticketDues.Key));
                foreach (var d in ticketDues)
                {
                    // A rule disabled or deleted since it was planned is dropped without running.
                    if (rules.TryGetValue(d.RuleId, out var rule))
                    {
                        await ticket.RunTimeRuleAsync(rule, d.Since);
                    }

                    await store.RemoveAsync(Tenant, d);
                }
            }
        }
        while (due.Count == Batch);

        var now = time.GetUtcNow();
        Arm(TimeRulePlan.NextWake(now, await store.NextDueAsync(Tenant), MaxSleep));
    }
}
