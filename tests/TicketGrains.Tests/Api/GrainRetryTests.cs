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
}
