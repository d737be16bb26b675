using TicketGrains.Abstractions;
using TicketGrains.Abstractions.Catalog;
using TicketGrains.Abstractions.Grains;
using TicketGrains.Grains.Agents;

namespace TicketGrains.Grains.Tickets;

/// <summary>The ticket's followers kept in step with its state: its queue, the agent holding it, its customer and its timers.</summary>
public sealed partial class TicketGrain
{
    /// <summary>
    /// A fresh ticket with nothing to watch is released, but not at once: the pipeline's follow-ups (the field reading,
    /// a surge's link, a rule's action) come within milliseconds of the commit when it keeps up, and each found the
    /// ticket gone and loaded it again from the log. <see cref="FollowUpGrace"/> later it goes if there is still nothing to watch.
    /// </summary>
    private void ReleaseAfterFollowUps()
    {
        if (!_slaTimer.Armed && !_claimTimer.Armed)
        {
            this.RegisterGrainTimer(() => { ReleaseIfNothingToWatch(); return Task.CompletedTask; }, FollowUpGrace, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Long enough for a pipeline that keeps up (its lag is tens of milliseconds), short enough to hold few tickets.</summary>
    public static readonly TimeSpan FollowUpGrace = TimeSpan.FromSeconds(3);

    /// <summary>
    /// A new ticket is usually not touched again for minutes, until an agent claims it. Keeping every
    /// fresh ticket in memory made a promotion-day flood a garbage-collector problem (each one survives
    /// into the old generation), so unless its own SLA timer is running the activation goes now; the
    /// next call restores it from its snapshot and events.
    /// </summary>
    private void ReleaseIfNothingToWatch()
    {
        if (!_slaTimer.Armed && !_claimTimer.Armed)
        {
            this.DeactivateOnIdle();
        }
    }

    /// <summary>Keeps queue, customer and SLA timer in step with the state. All of them can be rebuilt from the read model.</summary>
    private void SyncSideEffects(bool force)
    {
        var waits = State.WaitsInQueue;
        var queue = GrainFactory.Reference<IAgentQueueGrain>(GrainKeys.For(Tenant, State.Queue));
        var waitsAs = WaitKey();
        if (waits && (force || !_wasWaiting || _waitedIn != State.Queue || _waitedAs != waitsAs))
        {
            if (_wasWaiting && _waitedIn != State.Queue)
            {
                // Re-routed (a rule, an SLA escalation, an overflow): it leaves the queue it waited in.
                GrainFactory.Reference<IAgentQueueGrain>(GrainKeys.For(Tenant, _waitedIn)).RemoveAsync(_id, State.Version).Ignore();
            }

            queue.EnqueueAsync(QueuedTickets.Of(State)).Ignore();
        }
        else if (!waits && _wasWaiting)
        {
            queue.RemoveAsync(_id, State.Version).Ignore();
        }

        (_wasWaiting, _waitedIn, _waitedAs) = (waits, State.Queue, waitsAs);
        SyncCapacityHolder();
        var active = TicketStatus.IsActive(State.Status);
        if (force || active != _wasActive)
        {
            // Only a change of open/closed concerns the customer; a message or a breach costs it no call.
            GrainFactory.Reference<ICustomerGrain>(GrainKeys.For(Tenant, State.CustomerId)).TrackTicketAsync(_id, active, State.Version).Ignore();
        }

        _wasActive = active;
        ArmSlaTimer();
        _claimTimer.Arm(State.ClaimAcceptBy);
    }

    private string WaitKey() => $"{State.Priority}|{string.Join(',', State.Skills)}";

    /// <summary>Tells the agents whose capacity the ticket starts or stops using; they also re-read it from the read model.</summary>
    private void SyncCapacityHolder()
    {
        var holder = State.CapacityHolder;
        if (holder == _heldBy)
        {
            return;
        }

        if (_heldBy is not null)
        {
            GrainFactory.Reference<IAgentGrain>(GrainKeys.For(Tenant, _heldBy)).ReleaseAsync(_id).Ignore();
        }

        if (holder is not null)
        {
            GrainFactory.Reference<IAgentGrain>(GrainKeys.For(Tenant, holder)).HoldAsync(_id, ChannelKinds.Of(State.Channel)).Ignore();
        }

        _heldBy = holder;
    }

    private void ArmSlaTimer()
    {
        // Far deadlines cost no timer: the tenant's sweep looks one period ahead and wakes the
        // ticket in time to arm one, so idle tickets can be deactivated meanwhile.
        var due = State.PendingSlaDue;
        _slaTimer.Arm(due - time.GetUtcNow() > sla.Value.SweepPeriod * 2 ? null : due);
    }
}
