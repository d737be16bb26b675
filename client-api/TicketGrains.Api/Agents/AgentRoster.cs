using Npgsql;
using TicketGrains.Grains.EventLog;

namespace TicketGrains.Api.Agents;

/// <summary>tg_agent_roster: which agents a tenant has, for GET /api/v1/agents (the grains keep everything else).</summary>
public sealed class AgentRoster(NpgsqlDataSource database, TimeProvider time)
{
    /// <summary>Most agents the list answers with.</summary>
    public const int MaxListed = 1000;

    /// <summary>Records the agent once; later calls change nothing.</summary>
    public Task RecordAsync(string tenant, string agentId, CancellationToken cancellationToken) => StorageErrors.Guard(async () =>
    {
        await using var command = database.CreateCommand(
            "INSERT INTO tg_agent_roster (tenant_id, agent_id, first_seen) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING");
        command.Parameters.AddWithValue(tenant);
        command.Parameters.AddWithValue(agentId);
        command.Parameters.AddWithValue(time.GetUtcNow());
        return await command.ExecuteNonQueryAsync(cancellationToken);
    });

    /// <summary>The tenant's agent ids in order (at most <see cref="MaxListed"/>).</summary>
    public Task<List<string>> ListAsync(string tenant, CancellationToken cancellationToken) => StorageErrors.Guard(async () =>
    {
        await using var command = database.CreateCommand("SELECT agent_id FROM tg_agent_roster WHERE tenant_id = $1 ORDER BY agent_id LIMIT $2");
        command.Parameters.AddWithValue(tenant);
        command.Parameters.AddWithValue(MaxListed);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var agents = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            agents.Add(reader.GetString(0));
        }

        return agents;
    });
}
