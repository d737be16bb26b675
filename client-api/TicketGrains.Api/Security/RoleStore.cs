using Npgsql;

namespace TicketGrains.Api.Security;

/// <summary>A tenant's custom roles in PostgreSQL (tg_roles). Read on each request that names a custom role, so changes apply at once.</summary>
public sealed class RoleStore(NpgsqlDataSource database, TimeProvider time)
{
    /// <summary>A custom role.</summary>
    public sealed record Role(string Name, IReadOnlyList<string> Permissions, string UpdatedBy, DateTimeOffset UpdatedAt);

    /// <summary>Every permission granted by those custom roles of the tenant (unknown names grant nothing).</summary>
    public async Task<List<string>> PermissionsOfAsync(string tenant, IReadOnlyList<string> roles, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("SELECT DISTINCT unnest(permissions) FROM tg_roles WHERE tenant_id = $1 AND name = ANY($2)");
        command.Parameters.AddWithValue(tenant);
        command.Parameters.AddWithValue(roles.ToArray());
        var permissions = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            permissions.Add(reader.GetString(0));
        }

        return permissions;
    }

    public async Task<Role?> GetAsync(string tenant, string name, CancellationToken cancellationToken) =>
        (await QueryAsync("WHERE tenant_id = $1 AND name = $2", [tenant, name], cancellationToken)).SingleOrDefault();

    public Task<List<Role>> ListAsync(string tenant, CancellationToken cancellationToken) =>
        QueryAsync("WHERE tenant_id = $1 ORDER BY name", [tenant], cancellationToken);

    public async Task<Role> PutAsync(string tenant, string name, IReadOnlyList<string> permissions, string actor, CancellationToken cancellationToken)
    {
        var role = new Role(name, permissions, actor, time.GetUtcNow());
        await using var command = database.CreateCommand("""
            INSERT INTO tg_roles (tenant_id, name, permissions, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (tenant_id, name) DO UPDATE SET permissions = EXCLUDED.permissions, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at
            """);
        command.Parameters.AddWithValue(tenant);
        command.Parameters.AddWithValue(name);
        command.Parameters.AddWithValue(permissions.ToArray());
        command.Parameters.AddWithValue(actor);
        command.Parameters.AddWithValue(role.UpdatedAt);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return role;
    }

    private async Task<List<Role>> QueryAsync(string where, object[] parameters, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("SELECT name, permissions, updated_by, updated_at FROM tg_roles " + where);
        foreach (var parameter in parameters)
        {
            command.Parameters.AddWithValue(parameter);
        }

        var roles = new List<Role>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            roles.Add(new Role(reader.GetString(0), reader.GetFieldValue<string[]>(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3)));
        }

        return roles;
    }
}
