using Npgsql;

namespace TicketGrains.Api.Security;

/// <summary>A tenant's custom roles in PostgreSQL (tg_roles). Read on each request that names a custom role, so changes apply at once.</summary>
public sealed class RoleStore(NpgsqlDataSource database, TimeProvider time)
{
    /// <summary>A custom role.</summary>
    public sealed record Role(string Name, IReadOnlyList<string> Permissions, string UpdatedBy, DateTimeOffset UpdatedAt);

    /// <summary>Every permission granted by those custom roles of the tenant (unknown names grant nothing).</summary>
    public Task<List<string>> PermissionsOfAsync(string tenant, IReadOnlyList<string> roles, CancellationToken cancellationToken) =>
        StoreCalls.RunAsync(() => ReadPermissionsAsync(tenant, roles, cancellationToken));

    public async Task<Role?> GetAsync(string tenant, string name, CancellationToken cancellationToken) =>
        (await QueryAsync("WHERE tenant_id = $1 AND name = $2", [tenant, name], cancellationToken)).SingleOrDefault();

    public Task<List<Role>> ListAsync(string tenant, CancellationToken cancellationToken) =>
        QueryAsync("WHERE tenant_id = $1 ORDER BY name", [tenant], cancellationToken);

    public Task<Role> PutAsync(string tenant, string name, IReadOnlyList<string> permissions, string actor, CancellationToken cancellationToken) =>
        StoreCalls.RunAsync(() => UpsertAsync(new Role(name, permissions, actor, time.GetUtcNow()), tenant, cancellationToken));

    private async Task<List<string>> ReadPermissionsAsync(string tenant, IReadOnlyList<string> roles, CancellationToken cancellationToken)
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

    private async Task<Role> UpsertAsync(Role role, string tenant, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("""
            INSERT INTO tg_roles (tenant_id, name, permissions, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (tenant_id, name) DO UPDATE SET permissions = EXCLUDED.permissions, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at
            """);
        command.Parameters.AddWithValue(tenant);
        command.Parameters.AddWithValue(role.Name);
        command.Parameters.AddWithValue(role.Permissions.ToArray());
        command.Parameters.AddWithValue(role.UpdatedBy);
        command.Parameters.AddWithValue(role.UpdatedAt);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return role;
    }

    private Task<List<Role>> QueryAsync(string where, object[] parameters, CancellationToken cancellationToken) =>
        StoreCalls.RunAsync(() => ReadRolesAsync(where, parameters, cancellationToken));

    private async Task<List<Role>> ReadRolesAsync(string where, object[] parameters, CancellationToken cancellationToken)
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
