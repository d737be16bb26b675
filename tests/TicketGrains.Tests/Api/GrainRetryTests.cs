using System.Collections.Concurrent;
using TicketGrains.Api.Infrastructure;
using Xunit;

namespace TicketGrains.Tests.Api;

/// <summary>A call whose answer was lost with a gateway connection: sent again at once if safe, else left to its timeout.</summary>
public sealed class GrainRetryTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task An_idempotent_call_in_flight_is_sent_again_when_a_gateway_connection_drops()
    {
        var loss = new GatewayLoss();
        var lostAnswer = new TaskCompletionSource<int>();
        var attempts = 0;

        var call = GrainRetry.Idempotent(() => ++attempts == 1 ? lostAnswer.Task : Task.FromResult(42), loss, CancellationToken.None);
        Assert.False(call.IsCompleted);
        loss.NotifyGatewayCountChanged(1, 2, connectionRecovered: false);

        Assert.Equal(42, await call.WaitAsync(Deadline));
        Assert.Equal(2, attempts);
        lostAnswer.SetException(new TimeoutException("the response timeout of the abandoned attempt"));
    }

    [Fact]
    public async Task An_attempt_that_failed_as_its_gateway_dropped_is_retried_not_reported_as_cancelled()
    {
        // The request's continuations run only when this test runs them, so the attempt can fail between the loss
        // cancelling the wait and the retry deciding what to do: the order in which a dropped connection's queued calls fail.
        var context = new PumpedContext();
        var loss = new GatewayLoss();
        var failing = new TaskCompletionSource<int>();
        var attempts = 0;
        Task<int>? call = null;
        context.Run(() => call = GrainRetry.Idempotent(() => ++attempts == 1 ? failing.Task : Task.FromResult(42), loss, CancellationToken.None));

        loss.NotifyGatewayCountChanged(1, 2, connectionRecovered: false);
        var afterTheLoss = context.Next(Deadline);
        failing.SetException(new SiloUnavailableException("the gateway's queued call failed with its connection"));
        context.Run(afterTheLoss);
        context.RunUntil(call!, Deadline);

        Assert.Equal(42, await call!);
        Assert.Equal(2, attempts);
    }

    [Fact]
    public async Task A_call_that_must_not_run_twice_keeps_waiting_for_its_own_answer()
    {
        var answer = new TaskCompletionSource<int>();
        var attempts = 0;

        var call = GrainRetry.Once(() => { attempts++; return answer.Task; }, CancellationToken.None);
        GatewayLoss.Shared.NotifyGatewayCountChanged(1, 2, connectionRecovered: false);
        answer.SetResult(7);

        Assert.Equal(7, await call.WaitAsync(Deadline));
        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task A_gateway_that_connects_does_not_disturb_calls_in_flight()
    {
        var loss = new GatewayLoss();
        var answer = new TaskCompletionSource<int>();
        var attempts = 0;

        var call = GrainRetry.Idempotent(() => { attempts++; return answer.Task; }, loss, CancellationToken.None);
        loss.NotifyGatewayCountChanged(2, 1, connectionRecovered: false);
        answer.SetResult(5);

        Assert.Equal(5, await call.WaitAsync(Deadline));
        Assert.Equal(1, attempts);
    }

    /// <summary>A synchronization context whose posted work runs only when the test runs it, on the test's thread.</summary>
    private sealed class PumpedContext : SynchronizationContext
    {
        private readonly BlockingCollection<(SendOrPostCallback Work, object? State)> _posted = [];

        public override void Post(SendOrPostCallback d, object? state) => _posted.Add((d, state));

        public void Run(Action work)
        {
            var previous = Current;
            SetSynchronizationContext(this);
            try
            {
                work();
            }
            finally
            {
                SetSynchronizationContext(previous);
            }
        }

        /// <summary>The next piece of posted work, waited for but not run.</summary>
        public Action Next(TimeSpan wait)
        {
            Assert.True(_posted.TryTake(out var item, wait < TimeSpan.Zero ? TimeSpan.Zero : wait), "nothing was posted in time");
            return () => item.Work(item.State);
        }

        /// <summary>Runs posted work until the task has completed.</summary>
        public void RunUntil(Task task, TimeSpan deadline)
        {
            var until = DateTime.UtcNow + deadline;
            while (!task.IsCompleted)
            {
                Run(Next(until - DateTime.UtcNow));
            }
        }
    }
}
