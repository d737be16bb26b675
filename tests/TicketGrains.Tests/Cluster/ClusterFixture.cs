using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using TicketGrains.Grains.EventLog;
using TicketGrains.Grains.Hosting;
using TicketGrains.Grains.OrderEvents;
using Xunit;

namespace TicketGrains.Tests.Cluster;

/// <summary>
/// Two in-process silos sharing one fake clock and one in-memory event log, so a grain reads the same
/// history whichever silo it lands on.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 3, 3, 9, 0, 0, TimeSpan.Zero));

    public ClusterFixture() => EventLog = new InMemoryEventLog(OrderIndex);

    /// <summary>Shared like the log that writes it: an order event on either silo finds tickets created on the other.</summary>
    public InMemoryOrderTicketIndex OrderIndex { get; } = new();

    public InMemoryEventLog EventLog { get; }

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSiloHost((_, host) =>
        {
            // Tests run the SLA sweep themselves; a long period keeps the reminder out of their way.
            host.Configuration["Sla:SweepPeriod"] = "1.00:00:00";
            // Encryption needs the PostgreSQL key store; the integration tests cover it.
            host.Configuration["Encryption:Enabled"] = "false";
            host.Services.AddSingleton<TimeProvider>(Time);
            host.Services.AddSingleton(EventLog);
            host.Services.AddSingleton(OrderIndex);
            host.Services.AddTicketGrainsDomain();
            host.Services.AddTicketGrainsInMemory();
        });
        builder.ConfigureSilo((_, silo) => silo.AddMemoryGrainStorage("Default").UseInMemoryReminderService());
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
