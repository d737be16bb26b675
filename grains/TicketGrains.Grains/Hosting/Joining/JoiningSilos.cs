using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Runtime.Placement;

namespace TicketGrains.Grains.Hosting.Joining;

/// <summary>
/// What a silo does about silos joining the cluster (ADR 0032): it warms its own database pools before it becomes active,
/// and it gives a silo that joins after it a slow start of new activations.
/// </summary>
public static class JoiningSilos
{
    public static ISiloBuilder UseJoiningSiloSlowStart(this ISiloBuilder silo, TimeSpan ramp)
    {
        silo.Services.AddSingleton(services => new JoinedSilos(services.GetRequiredService<TimeProvider>(), ramp));
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, MembershipWatch>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, SiloWarmUp>();
        if (ramp > TimeSpan.Zero)
        {
            WrapDirector(silo.Services, typeof(ResourceOptimizedPlacement));
            WrapDirector(silo.Services, typeof(RandomPlacement));
        }

        return silo;
    }

    /// <summary>Registers the slow start around Orleans' own director for a strategy (the last registration is the one resolved).</summary>
    private static void WrapDirector(IServiceCollection services, Type strategy)
    {
        var original = services.Last(d => d.IsKeyedService && d.ServiceType == typeof(IPlacementDirector) && Equals(d.ServiceKey, strategy));
        var implementation = original.KeyedImplementationType
            ?? throw new InvalidOperationException($"Orleans' placement director for {strategy.Name} is not registered by type.");
        services.AddKeyedSingleton<IPlacementDirector>(strategy, (provider, _) => new SlowStartPlacementDirector(
            (IPlacementDirector)ActivatorUtilities.CreateInstance(provider, implementation),
            provider.GetRequiredService<JoinedSilos>(), Random.Shared.NextDouble));
    }

    /// <summary>Feeds every membership view to <see cref="JoinedSilos"/>, from before this silo joins until it stops.</summary>
    private sealed class MembershipWatch(IClusterMembershipService membership, ILocalSiloDetails local, JoinedSilos joined, ILogger<MembershipWatch> logger)
        : ILifecycleParticipant<ISiloLifecycle>
    {
        private readonly CancellationTokenSource _stopping = new();
        private Task _watching = Task.CompletedTask;

        public void Participate(ISiloLifecycle lifecycle) =>
            lifecycle.Subscribe(nameof(MembershipWatch), ServiceLifecycleStage.RuntimeInitialize, Start, Stop);

        private Task Start(CancellationToken _)
        {
            _watching = Task.Run(Watch);
            return Task.CompletedTask;
        }

        private async Task Stop(CancellationToken _)
        {
            await _stopping.CancelAsync();
            await _watching.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        private async Task Watch()
        {
            try
            {
                await foreach (var view in membership.MembershipUpdates.WithCancellation(_stopping.Token))
                {
                    joined.Observe(view.Members.Values.Select(m => (m.SiloAddress, m.Status)), local.SiloAddress);
                }
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
            }
            catch (Exception e)
            {
                logger.LogError(e, "Watching the membership for joining silos stopped; new silos get no slow start");
            }
        }
    }
}
