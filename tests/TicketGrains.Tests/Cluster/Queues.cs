using TicketGrains.Abstractions;
using TicketGrains.Abstractions.Grains;

namespace TicketGrains.Tests.Cluster;

/// <summary>Queue and agent grains of a tenant, and a wait for enqueues (they are one-way from the ticket).</summary>
public static class Queues
{
    public static IAgentQueueGrain Queue(this IClusterClient client, string tenant, string name) =>
        client.GetGrain<IAgentQueueGrain>(GrainKeys.For(tenant, name));

    public static IAgentGrain Agent(this IClusterClient client, string tenant, string agentId) =>
        client.GetGrain<IAgentGrain>(GrainKeys.For(tenant, agentId));

    public static Task HoldsAsync(this IClusterClient client, string tenant, string name, int count) =>
        Eventually.HoldsAsync(async () => await client.Queue(tenant, name).CountAsync() == count, $"queue '{name}' holds {count} tickets");
}
