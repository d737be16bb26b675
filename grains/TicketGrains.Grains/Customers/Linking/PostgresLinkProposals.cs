using Npgsql;
using TicketGrains.Grains.EventLog;

namespace TicketGrains.Grains.Customers.Linking;

/// <summary>Link proposals in tg_link_proposals, one per pair of customers.</summary>
public sealed class PostgresLinkProposals(NpgsqlDataSource database) : ILinkProposals
{
    public Task AddAsync(string tenant, Guid customer, ProposedLink proposal, DateTimeOffset at) => StorageErrors.Guard(async () =>
    {
        var (low, high) = customer.CompareTo(proposal.OtherCustomerId) < 0 ? (customer, proposal.OtherCustomerId) : (proposal.OtherCustomerId, customer);
        await using var command = database.CreateCommand(
            "INSERT INTO tg_link_proposals (tenant_id, proposal_id, customer_id, other_customer_id, pair_low, pair_high, key_kinds, reason, created_at) "
            + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (tenant_id, pair_low, pair_high) DO NOTHING");
        command.Parameters.AddWithValue(tenant);
        command.Parameters.AddWithValue(Guid.CreateVersion7(at));
        command.Parameters.AddWithValue(customer);
        command.Parameters.AddWithValue(proposal.OtherCustomerId);
        command.Parameters.AddWithValue(low);
        command.Parameters.AddWithValue(high);
        command.Parameters.AddWithValue(proposal.KeyKinds.ToArray());
        command.Parameters.AddWithValue(proposal.Reason);
        command.Parameters.AddWithValue(at);
        return await command.ExecuteNonQueryAsync();
    });

    public Task<IReadOnlyList<StoredLinkProposal>> OfAsync(string tenant, IReadOnlyCollection<Guid> customers) => StorageErrors.Guard(async () =>
    {
        await using var command = database.CreateCommand(
            "SELECT proposal_id, customer_id, other_customer_id, key_kinds, reason, created_at FROM tg_link_proposals "
            + "WHERE tenant_id = $1 AND (customer_id = ANY($2) OR other_customer_id = ANY($2)) ORDER BY created_at, proposal_id");
        command.Parameters.AddWithValue(tenant);
        command.Parameters.AddWithValue(customers.ToArray());
        var found = new List<StoredLinkProposal>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            found.Add(new StoredLinkProposal(reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetFieldValue<string[]>(3), reader.GetString(4),
                reader.GetFieldValue<DateTimeOffset>(5)));
        }

        return (IReadOnlyList<StoredLinkProposal>)found;
    });
}
